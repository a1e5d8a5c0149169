//! The command line: `cargo run -p grader -- [NAME...] [--solutions] [--root DIR] [--format
//! human|json|classroom|classroom50] [--seed N] [--submission DIR]`, the subcommands (the
//! student's `watch`, `hint`, `list`, `reset`, `chat`; the instructor's `export DIR`, `class`
//! and `seal`; the course author's `dev check`, `dev update`, `dev new NAME`, `dev snapshots`),
//! and the exit codes (0 all passed, 1 some did not, 2 the grader could not run).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::child::Limits;
use crate::course::{Course, RESERVED_WORDS, Variant};
use crate::i18n::Lang;
use crate::progress::Progress;
use crate::report;
use crate::runner::{Plan, grade};
use crate::tr;

/// Grades the course's exercises, offline: compiles each one, runs it against the checks and
/// shows what passed, what failed and why.
#[derive(Debug, Parser)]
#[command(
    name = "grader",
    args_conflicts_with_subcommands = true,
    after_help = "Exit status: 0 when every graded exercise passed, 1 when some did not, \
                  2 when the grader itself could not run (with --format classroom: 0 whenever \
                  the results were written).\n\n\
                  Examples:\n  cargo run -p grader                        grade everything\n  \
                  cargo run -p grader -- factorial-gather    grade one exercise\n  \
                  cargo run -p grader -- --solutions         grade the reference solutions\n  \
                  cargo run -p grader -- export ../template  write the student template\n  \
                  cargo run -p grader -- seal                re-seal the grading files\n  \
                  cargo run -p grader -- dev check           prove the course (for its authors)\n  \
                  cargo run -p grader -- list                every exercise and its status\n  \
                  cargo run -p grader -- hint fastest-ip     the next hint for an exercise\n  \
                  cargo run -p grader -- chat                talk to your image-bot's bot"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The exercises to grade, by name (`factorial-gather`); all of them when none is given.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,

    /// Grade the reference solutions under solutions/ instead of the exercises.
    #[arg(long)]
    pub solutions: bool,

    /// The root of the course to grade (for instance a student's checkout); with
    /// --submission, the instructor's course to grade it with.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Grade only the answer files (each exercise's `answers` in course.toml) of this student's
    /// checkout, with the course given by --root (the current one by default): the student's
    /// grader, fixtures and snapshots are ignored.
    #[arg(long, value_name = "DIR", conflicts_with = "solutions")]
    pub submission: Option<PathBuf>,

    /// With --submission: where to keep the working copy of the course that the answers are
    /// laid over (by default target/submission under --root).
    #[arg(long, value_name = "DIR", requires = "submission")]
    pub work: Option<PathBuf>,

    /// Where to build the harnesses (by default, the graded copy's own target/).
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,

    /// Replay a run: the seed a failure message (or a gradebook) named; random scenarios are
    /// drawn from it. Also for `watch`, `list` and `class`.
    #[arg(long, value_name = "N", global = true)]
    pub seed: Option<u64>,

    /// How to report the grade.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// With --format classroom or classroom50: the folder for Classroom 50's result.json.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,

    /// The language of the messages and hints; by default the locale's (LC_ALL, LC_MESSAGES,
    /// LANG), else English.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the student template: the course without its solutions and golden cases.
    ///
    /// The exercises' stubs are taken from the last commit (HEAD): it refuses while exercises/
    /// differs from HEAD (changed or untracked files), and names them.
    Export {
        /// Where to write it (a new or empty folder).
        dir: PathBuf,
        /// The course to export (by default, the one around the current folder).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Take exercises/ as it is on disk, unchecked, instead of from the last commit: for a
        /// copy of the course without git history. Make sure it holds the unsolved stubs.
        #[arg(long)]
        working_tree: bool,
        /// Write Classroom 50's autograder folder instead: `autograder.py` and the template
        /// beside it, to commit as `<classroom>/autograders/<assignment>/`.
        #[arg(long)]
        classroom50: bool,
        /// With --classroom50: put the instructor's hidden scenarios in too. Classroom 50
        /// publishes the folder on Pages, where students can read it.
        #[arg(long, requires = "classroom50")]
        with_hidden: bool,
    },
    /// Every exercise, its status and its points, in course order.
    List {
        /// The course (by default, the one around the current folder).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// The next hint for an exercise: a nudge first, then the idea, then the API to use.
    Hint {
        /// The exercise, by name.
        name: String,
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Grade the current exercise again at each save; move on when it passes. Keys: n next,
    /// h hint, l list, q quit.
    Watch {
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to build the harnesses (by default, the course's own target/).
        #[arg(long, value_name = "DIR")]
        target_dir: Option<PathBuf>,
    },
    /// Chat with image-bot's bot in the terminal, on a mock Telegram: no token, no network.
    Chat {
        /// Chat with the reference solution's bot instead.
        #[arg(long)]
        solution: bool,
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to build the bot (by default, the course's own target/).
        #[arg(long, value_name = "DIR")]
        target_dir: Option<PathBuf>,
    },
    /// Put an exercise's answer files back as shipped (asks first): from the first commit in a
    /// student's copy, from HEAD in the course repository.
    Reset {
        /// The exercise, by name.
        name: String,
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Rewrite the manifest of the grading files' hashes, after changing them on purpose.
    Seal {
        /// The course to seal (by default, the one around the current folder).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Grade a class: each DIR is a student's checkout, graded with this course (only its
    /// answer files count). Writes gradebook.csv and mistakes.md.
    Class {
        /// The students' checkouts; each folder's name names its student.
        #[arg(value_name = "DIR", required = true)]
        students: Vec<PathBuf>,
        /// The instructor's course (by default, the one around the current folder).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Where to write gradebook.csv and mistakes.md.
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
    },
    /// Tools for course authors: check the course, write its generated files and snapshots,
    /// start a new exercise.
    Dev {
        #[command(subcommand)]
        command: crate::dev::Command,
        /// The course (by default, the one around the current folder).
        #[arg(long, value_name = "DIR", global = true)]
        root: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for people, in colour where the terminal has it.
    Human,
    /// The grade as JSON, for CI and other tools.
    Json,
    /// For autograding in GitHub Actions: the grading reporter's `result` (to $GITHUB_OUTPUT),
    /// Classroom 50's result.json, and a table of points (to $GITHUB_STEP_SUMMARY).
    Classroom,
    /// For Classroom 50's autograder (see classroom50/autograder.py): result.json and
    /// release-body.md in --out, status and summary to $GITHUB_OUTPUT, and the report to the log.
    Classroom50,
}

/// Runs the grader with the process's arguments.
pub fn main() -> ExitCode {
    let args = Args::parse();
    crate::i18n::set(language(&args));
    match run(args) {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(anstream::stderr(), "grader: {error}");
            ExitCode::from(2)
        }
    }
}

/// The language of the messages: `--lang`, else the locale's. The formats that programs read
/// (`json`, `classroom`) stay English unless `--lang` says otherwise, so that a submission gets
/// the same output on every machine; so do the course author's tools.
fn language(args: &Args) -> Lang {
    let for_programs = args.command.is_none() && args.format != Format::Human;
    // The course author's tools speak English, like the course's sources.
    let for_authors = matches!(args.command, Some(Command::Dev { .. }));
    match args.lang {
        Some(lang) => lang,
        None if for_programs || for_authors => Lang::En,
        None => Lang::from_environment(|name| std::env::var(name).ok()),
    }
}

fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Some(Command::Export {
            dir,
            root,
            working_tree,
            classroom50,
            with_hidden,
        }) => {
            let root = root.map_or_else(default_root, Ok)?;
            let stubs = if working_tree {
                crate::export::Stubs::WorkingTree
            } else {
                crate::export::Stubs::Committed
            };
            if classroom50 {
                let size = crate::classroom50::export(&root, &dir, stubs, with_hidden)?;
                println!(
                    "{}",
                    tr!(
                        "cli-exported-classroom50",
                        dir = dir.display().to_string(),
                        kilobytes = size.div_ceil(1024)
                    )
                );
                return Ok(ExitCode::SUCCESS);
            }
            crate::export::export_with(&root, &dir, stubs)?;
            println!("{}", tr!("cli-exported", dir = dir.display().to_string()));
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Hint { name, root }) => {
            let root = root.map_or_else(default_root, Ok)?;
            let course = Course::load(&root)?;
            let exercise = course.select(std::slice::from_ref(&name))?[0];
            println!(
                "{}",
                crate::hints::next_hint(&root, exercise, crate::hints::Asked::Command)?
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Reset { name, root }) => {
            let root = root.map_or_else(default_root, Ok)?;
            let course = Course::load(&root)?;
            let exercise = course.select(std::slice::from_ref(&name))?[0];
            println!(
                "{}",
                crate::reset::reset(&root, exercise, crate::reset::ask)?
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Watch { root, target_dir }) => {
            let root = absolute(root.map_or_else(default_root, Ok)?)?;
            let plan = Plan {
                root,
                names: Vec::new(),
                variant: Variant::Exercise,
                limits: Limits::default(),
                seed: args.seed.unwrap_or_else(rand::random),
                target_dir,
                submission: None,
                work_dir: None,
            };
            crate::watch::watch(plan, &mut anstream::stdout())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Chat {
            solution,
            root,
            target_dir,
        }) => {
            let root = absolute(root.map_or_else(default_root, Ok)?)?;
            let plan = Plan {
                root,
                names: Vec::new(),
                variant: if solution {
                    Variant::Solution
                } else {
                    Variant::Exercise
                },
                limits: Limits::default(),
                seed: 0,
                target_dir,
                submission: None,
                work_dir: None,
            };
            let photos = crate::chat::default_photos(&plan);
            let runtime = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
            let stdin = tokio::io::BufReader::new(tokio::io::stdin());
            let chatted = runtime.block_on(crate::chat::chat(
                &plan,
                &photos,
                stdin,
                &mut anstream::stdout(),
            ));
            // The read of the terminal that is still waiting would hold a plain drop forever.
            runtime.shutdown_background();
            let bot_served_to_the_end = chatted?;
            return Ok(if bot_served_to_the_end {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        Some(Command::List { root }) => {
            let root = absolute(root.map_or_else(default_root, Ok)?)?;
            let grade = grade_quietly(root, args.seed)?;
            let mut stdout = anstream::stdout();
            let _ = stdout.write_all(report::human::render_list(&grade).as_bytes());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Class {
            students,
            root,
            out,
        }) => {
            let root = absolute(root.map_or_else(default_root, Ok)?)?;
            let students = students
                .into_iter()
                .map(absolute)
                .collect::<Result<Vec<_>, _>>()?;
            let seed = args.seed.unwrap_or_else(rand::random);
            return class(&root, &students, seed, &out);
        }
        Some(Command::Dev { command, root }) => {
            let root = absolute(root.map_or_else(default_root, Ok)?)?;
            return crate::dev::run(command, &root);
        }
        Some(Command::Seal { root }) => {
            let root = root.map_or_else(default_root, Ok)?;
            let files = crate::integrity::seal(&root)?;
            println!(
                "{}",
                tr!(
                    "cli-sealed",
                    files = files,
                    manifest = crate::integrity::MANIFEST
                )
            );
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    if let Some(word) = args
        .names
        .iter()
        .find(|name| RESERVED_WORDS.contains(&name.as_str()))
    {
        return Err(tr!("cli-subcommand-not-built", word = word.as_str()));
    }
    let root = absolute(match args.root {
        Some(root) => root,
        None => default_root()?,
    })?;
    if args.solutions && !root.join(Variant::Solution.folder()).is_dir() {
        return Err(tr!("cli-no-solutions", root = root.display().to_string()));
    }
    let variant = if args.solutions {
        Variant::Solution
    } else {
        Variant::Exercise
    };
    let submission = args.submission.map(absolute).transpose()?;
    let plan = Plan {
        root,
        names: args.names,
        variant,
        limits: Limits::default(),
        seed: args.seed.unwrap_or_else(rand::random),
        target_dir: args.target_dir.map(absolute).transpose()?,
        submission,
        work_dir: args.work.map(absolute).transpose()?,
    };
    let grade = grade_with(&plan)?;
    if plan.submission.is_none() && plan.variant == Variant::Exercise {
        // The next hint speaks to what failed; a state file that cannot be written only loses
        // that.
        let _ = crate::hints::remember_failing(&plan.root, &grade);
    }

    // With --format classroom or classroom50 the human report goes to the log (stdout) too,
    // beside their files.
    let text = match args.format {
        Format::Json => report::json::render(&grade) + "\n",
        Format::Human | Format::Classroom | Format::Classroom50 => report::human::render(&grade),
    };
    let mut stdout = anstream::stdout();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|error| tr!("cli-cannot-write-report", error = error.to_string()))?;
    for problem in &grade.problems {
        let _ = writeln!(anstream::stderr(), "grader: {problem}");
    }
    // The points carry the verdict: these runs succeed whenever the results are written.
    match args.format {
        Format::Classroom => {
            report::classroom::write_all(&grade, &args.out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Classroom50 => {
            report::classroom50::write_all(&grade, &args.out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Human | Format::Json => {}
    }
    Ok(if !grade.problems.is_empty() {
        ExitCode::from(2)
    } else if grade.all_passed() && grade.tampered.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Grades a class and writes its gradebook and common mistakes into `out`.
fn class(root: &Path, students: &[PathBuf], seed: u64, out: &Path) -> Result<ExitCode, String> {
    let course = Course::load(root)?;
    let manifest = crate::class::manifest_sha256(root)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    let progress = Progress::new();
    let graded = runtime.block_on(crate::class::grade_class(root, students, seed, |name| {
        progress.set_message(&format!("grading {name}"))
    }))?;
    progress.finish();
    std::fs::create_dir_all(out).map_err(|error| format!("{}: {error}", out.display()))?;
    let gradebook = out.join("gradebook.csv");
    let mistakes = out.join("mistakes.md");
    std::fs::write(
        &gradebook,
        crate::class::gradebook(&course, &graded, seed, &manifest),
    )
    .and_then(|()| std::fs::write(&mistakes, crate::class::mistakes(&graded)))
    .map_err(|error| format!("cannot write into {}: {error}", out.display()))?;
    for student in &graded {
        match &student.grade {
            Ok(grade) => println!("{}: {}/{}", student.student, grade.points, grade.max_points),
            Err(error) => println!("{}: not graded: {error}", student.student),
        }
    }
    println!("wrote {} and {}", gradebook.display(), mistakes.display());
    Ok(ExitCode::SUCCESS)
}

/// Grades what `plan` names, with a spinner while it works.
fn grade_with(plan: &Plan) -> Result<crate::verdict::Grade, String> {
    let runtime = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    let progress = Progress::new();
    runtime.block_on(grade(plan, &progress))
}

/// Grades the student's exercises, for `list`.
fn grade_quietly(root: PathBuf, seed: Option<u64>) -> Result<crate::verdict::Grade, String> {
    grade_with(&Plan {
        root,
        names: Vec::new(),
        variant: Variant::Exercise,
        limits: Limits::default(),
        seed: seed.unwrap_or_else(rand::random),
        target_dir: None,
        submission: None,
        work_dir: None,
    })
}

/// `root` as an absolute path: harnesses run in the exercises' folders, where a relative path
/// would point elsewhere.
fn absolute(root: PathBuf) -> Result<PathBuf, String> {
    std::path::absolute(&root).map_err(|error| format!("{}: {error}", root.display()))
}

/// The course around the current folder: the nearest ancestor with a `course.toml`.
fn default_root() -> Result<PathBuf, String> {
    let here = std::env::current_dir().map_err(|error| error.to_string())?;
    here.ancestors()
        .find(|dir| dir.join(crate::course::COURSE_FILE).is_file())
        .map(PathBuf::from)
        .ok_or_else(|| {
            tr!(
                "cli-no-course",
                file = crate::course::COURSE_FILE,
                folder = here.display().to_string()
            )
        })
}
