//! Runs one scenario of the lock exercise on tokio's paused clock, for the grader.
//!
//! `lock-harness deposit-all Alice:100:1000,Bob:50:1500` runs `deposit_all` with those deposits
//! (name, amount, and how many milliseconds the depositor walks). What it prints is the
//! student's output interleaved with `grader_kit`'s markers; the grader reads it back as a
//! timeline. `course.toml` says which scenarios each check runs.

use std::str::FromStr;

grader_kit::harness! {
    exercise: lock,
    solution: lock_solution,
    scenarios: {
        "deposit-all" (plan: Plan) => subject::deposit_all(plan.0).await,
    }
}

/// The deposits of a scenario, as `course.toml` writes them: `NAME:AMOUNT:WALK_MS`, separated
/// by commas.
struct Plan(Vec<subject::Deposit>);

impl FromStr for Plan {
    type Err = String;

    fn from_str(text: &str) -> Result<Plan, String> {
        text.split(',')
            .map(|deposit| {
                let parts: Vec<&str> = deposit.split(':').collect();
                match parts[..] {
                    [name, amount, walk_ms] => Ok(subject::Deposit::new(
                        name,
                        amount
                            .parse()
                            .map_err(|_| format!("not an amount: {amount}"))?,
                        walk_ms
                            .parse()
                            .map_err(|_| format!("not a walk: {walk_ms}"))?,
                    )),
                    _ => Err(format!("not NAME:AMOUNT:WALK_MS: {deposit}")),
                }
            })
            .collect::<Result<_, _>>()
            .map(Plan)
    }
}
