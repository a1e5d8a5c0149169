//! The table of scenarios that makes a harness: [`harness!`](crate::harness) writes a timeline
//! exercise's whole `main`, so that its harness is data (which call each scenario makes, with
//! which arguments) and no code.
//!
//! ```ignore
//! grader_kit::harness! {
//!     exercise: factorial_gather,
//!     solution: factorial_gather_solution,
//!     scenarios: {
//!         "gather" () => subject::gather().await,
//!         "factorial" (name: String, number: u64) => subject::factorial(&name, number).await,
//!     }
//! }
//! ```
//!
//! `subject` is the graded crate: the student's (feature `exercise`, the default) or the
//! reference solution (feature `solution`). The harness is run as `HARNESS SCENARIO ARGS...`, as
//! `course.toml`'s `run = ["factorial", "Zed", "5"]` says; each argument is parsed with
//! `FromStr`, and the body runs on tokio's paused clock ([`crate::run_on_paused_clock`]). What
//! the body's value is gets reported as the call's result.

use std::process::ExitCode;

/// Writes `main` for a harness that runs one scenario of a table on tokio's paused clock.
#[macro_export]
macro_rules! harness {
    (
        exercise: $exercise:ident,
        solution: $solution:ident,
        scenarios: {
            $( $scenario:literal ( $( $arg:ident : $kind:ty ),* $(,)? ) => $body:expr ),+ $(,)?
        } $(,)?
    ) => {
        // The grader builds the harness with exactly one of the two features.
        #[cfg(not(feature = "solution"))]
        use $exercise as subject;
        #[cfg(feature = "solution")]
        use $solution as subject;

        fn main() -> ::std::process::ExitCode {
            let usage = [$( concat!($scenario $(, " ", stringify!($arg))*) ),+];
            let args: ::std::vec::Vec<::std::string::String> = ::std::env::args().skip(1).collect();
            let Some((scenario, rest)) = args.split_first() else {
                return $crate::scenarios::usage(&usage);
            };
            $(
                if scenario == $scenario {
                    let mut rest = rest.iter();
                    $(
                        let Some(Ok($arg)) = rest.next().map(|text| text.parse::<$kind>()) else {
                            return $crate::scenarios::usage(&usage);
                        };
                    )*
                    if rest.next().is_some() {
                        return $crate::scenarios::usage(&usage);
                    }
                    return $crate::run_on_paused_clock(async move { $body });
                }
            )+
            $crate::scenarios::usage(&usage)
        }
    };
}

/// Says how a harness is called, and fails: the grader always calls it right, so this is for
/// someone who runs it by hand.
#[doc(hidden)]
pub fn usage(scenarios: &[&str]) -> ExitCode {
    let program = std::env::args().next().unwrap_or_else(|| "harness".into());
    eprintln!("usage: {program} SCENARIO ARGS..., one of:");
    for scenario in scenarios {
        eprintln!("  {scenario}");
    }
    ExitCode::from(2)
}
