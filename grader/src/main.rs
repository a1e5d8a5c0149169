//! `cargo run -p grader`: see `grader::cli`.

fn main() -> std::process::ExitCode {
    grader::cli::main()
}
