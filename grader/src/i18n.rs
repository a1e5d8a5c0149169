//! The grader's two languages, English and Russian: which one speaks, and its messages.
//!
//! Every sentence a student reads comes from a Project Fluent catalogue under
//! `grader/locales/<lang>/`, by id, through the [`tr!`](crate::tr) macro:
//!
//! ```text
//! tr!("run-panicked-at", location = at, message = shown(text))
//! ```
//!
//! The language is `--lang`, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the
//! first that is set), English by default. The titles and hints of the exercises live beside
//! them in `course.toml`, with a text per language.
//!
//! The catalogues' rules, which the tests below hold both languages to:
//! - the same message ids, with the same variables, in both languages;
//! - a message is one paragraph: a value that wraps over several lines in the file is joined
//!   with spaces (the report wraps it again to the terminal); a line break is built in code;
//! - every id the code uses exists, with the variables the code passes, and every message in
//!   the catalogues is used.
//!
//! A slip that the tests would miss (a message formatted with a variable too few) shows as
//! Fluent's `{$name}` placeholder in the text rather than stopping the grader.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{LazyLock, Mutex};

pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use serde::Deserialize;

/// A language the grader speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The language a locale names (`ru_RU.UTF-8`, `ru`, `en_GB`, `C`): Russian for `ru`,
    /// English for anything else.
    pub fn of_locale(locale: &str) -> Lang {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The language of the locale, as POSIX picks the one for messages: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |locale| Lang::of_locale(&locale))
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The language the messages are written in, for the whole process: chosen once by the command
/// line, English until then (the library's tests, the golden cases).
static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn current() -> Lang {
    Lang::ALL[usize::from(CURRENT.load(Ordering::Relaxed))]
}

/// A text in each language, as `course.toml` gives titles and hints:
/// `title.en = "..."` and `title.ru = "..."`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub en: T,
    pub ru: T,
}

impl<T> Localized<T> {
    /// The text in the current language.
    pub fn get(&self) -> &T {
        match current() {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// The catalogue files, by name, in English and in Russian.
const CATALOGUES: &[(&str, &str, &str)] = &[
    (
        "grader.ftl",
        include_str!("../locales/en/grader.ftl"),
        include_str!("../locales/ru/grader.ftl"),
    ),
    (
        "runs.ftl",
        include_str!("../locales/en/runs.ftl"),
        include_str!("../locales/ru/runs.ftl"),
    ),
    (
        "timeline.ftl",
        include_str!("../locales/en/timeline.ftl"),
        include_str!("../locales/ru/timeline.ftl"),
    ),
    (
        "http-client.ftl",
        include_str!("../locales/en/http-client.ftl"),
        include_str!("../locales/ru/http-client.ftl"),
    ),
    (
        "hello-server.ftl",
        include_str!("../locales/en/hello-server.ftl"),
        include_str!("../locales/ru/hello-server.ftl"),
    ),
    (
        "fastest-ip.ftl",
        include_str!("../locales/en/fastest-ip.ftl"),
        include_str!("../locales/ru/fastest-ip.ftl"),
    ),
    (
        "image-bot.ftl",
        include_str!("../locales/en/image-bot.ftl"),
        include_str!("../locales/ru/image-bot.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, built from the catalogues on first use.
static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let locale = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Ru => unic_langid::langid!("ru"),
    };
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    // Isolation marks (U+2068, U+2069) around each value are for right-to-left scripts; in a
    // terminal they are noise, and in a golden file a trap.
    bundle.set_use_isolating(false);
    for file in CATALOGUES {
        let (name, english, russian) = *file;
        let source = match lang {
            Lang::En => english,
            Lang::Ru => russian,
        };
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{lang:?}/{name}: {errors:?}"));
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("locales/{lang:?}/{name}: {errors:?}");
        }
    }
    bundle
}

/// The message `id` in `lang`, its variables filled from `args`. Use [`tr!`](crate::tr), which
/// passes the current language.
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundles = &*BUNDLES;
    let Some((bundle, message)) = [lang, Lang::En].into_iter().find_map(|lang| {
        let bundle = &bundles[lang.index()];
        bundle.get_message(id).map(|message| (bundle, message))
    }) else {
        return id.to_string();
    };
    let Some(pattern) = message.value() else {
        return id.to_string();
    };
    // The message's own line breaks become spaces; those in the values (a bot's reply of
    // several lines) stay, kept apart by a character no catalogue uses.
    const VALUE_BREAK: &str = "\u{E000}";
    let args: Option<FluentArgs> = args.map(|args| {
        args.iter()
            .map(|(name, value)| match value {
                FluentValue::String(text) if text.contains('\n') => {
                    (name, FluentValue::from(text.replace('\n', VALUE_BREAK)))
                }
                other => (name, other.clone()),
            })
            .collect()
    });
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
    text.replace('\n', " ").replace(VALUE_BREAK, "\n")
}

/// The texts [`tr!`](crate::tr) formatted, with the id of each: how a verdict's message is
/// traced back to its kind of mistake ([`id_of`]) without every check carrying ids around.
static FORMATTED: LazyLock<Mutex<HashMap<String, &'static str>>> = LazyLock::new(Default::default);

/// More texts than this and [`FORMATTED`] starts again (a class of hundreds of students).
const FORMATTED_LIMIT: usize = 100_000;

/// Formats the message `id` in the current language and remembers which id made the text.
#[doc(hidden)]
pub fn traced(id: &'static str, args: Option<&FluentArgs>) -> String {
    let text = text(current(), id, args);
    if let Ok(mut formatted) = FORMATTED.lock() {
        if formatted.len() >= FORMATTED_LIMIT {
            formatted.clear();
        }
        formatted.insert(text.clone(), id);
    }
    text
}

/// The catalogue id behind a verdict's message: of the texts [`tr!`](crate::tr) formatted that
/// the message holds, the longest (a message is often one text, with another inside it or
/// a call's name before it: `gather(): never printed ...`). `None` for words of the course
/// file's, which have no id.
pub fn id_of(message: &str) -> Option<&'static str> {
    let formatted = FORMATTED.lock().ok()?;
    formatted
        .iter()
        .filter(|(text, _)| !text.is_empty() && message.contains(text.as_str()))
        .max_by_key(|(text, id)| (text.len(), **id))
        .map(|(_, id)| *id)
}

/// A message of the catalogues in the current language: `tr!("id")` or
/// `tr!("id", name = value, ...)`, each value a string or a number (numbers choose the plural
/// forms of the Russian).
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::traced($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::traced($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use super::*;

    /// Each message of a catalogue file, by id, with the variables it uses. Terms (`-name`) and
    /// comments are left out.
    fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in source.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((id, _)) = line.split_once('=')
                && !line.starts_with([' ', '-'])
                && !id.trim().is_empty()
            {
                let id = id.trim().to_string();
                assert!(
                    messages.insert(id.clone(), BTreeSet::new()).is_none(),
                    "`{id}` twice"
                );
                current = Some(id);
            } else if !line.starts_with(' ') && !line.trim().is_empty() {
                current = None;
            }
            if let Some(id) = &current {
                let variables = messages.get_mut(id).unwrap();
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    rest = &rest[at + 1..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                        .unwrap_or(rest.len());
                    variables.insert(rest[..end].to_string());
                    rest = &rest[end..];
                }
            }
        }
        messages
    }

    #[test]
    fn both_languages_have_the_same_messages_with_the_same_variables() {
        for (file, english, russian) in CATALOGUES {
            let (english, russian) = (messages(english), messages(russian));
            let only = |a: &BTreeMap<_, _>, b: &BTreeMap<_, _>| -> Vec<String> {
                a.keys()
                    .filter(|id| !b.contains_key(*id))
                    .cloned()
                    .collect()
            };
            assert_eq!(
                only(&english, &russian),
                Vec::<String>::new(),
                "{file}: only in en"
            );
            assert_eq!(
                only(&russian, &english),
                Vec::<String>::new(),
                "{file}: only in ru"
            );
            for (id, variables) in &english {
                assert_eq!(&russian[id], variables, "{file}: the variables of `{id}`");
            }
        }
    }

    #[test]
    fn every_message_formats_in_both_languages() {
        for lang in Lang::ALL {
            let bundle = &BUNDLES[lang.index()];
            for (_, english, _) in CATALOGUES {
                for (id, variables) in messages(english) {
                    let mut args = FluentArgs::new();
                    for variable in &variables {
                        args.set(variable.clone(), 2);
                    }
                    let message = bundle.get_message(&id).expect(&id);
                    let mut errors = Vec::new();
                    let pattern = message.value().expect(&id);
                    bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{lang:?} `{id}`: {errors:?}");
                    let text = text(lang, &id, Some(&args));
                    assert!(!text.trim().is_empty(), "{lang:?} `{id}` is empty");
                    assert!(
                        text.trim() == text && !text.contains("  "),
                        "{lang:?} `{id}` is badly wrapped: {text:?}"
                    );
                }
            }
        }
    }

    /// Each call of `tr!` in the grader's code: its id, the names of the variables it passes,
    /// and its file.
    fn calls() -> Vec<(String, BTreeSet<String>, String)> {
        fn visit(dir: &Path, calls: &mut Vec<(String, BTreeSet<String>, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, calls);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in source.match_indices("tr!(") {
                        let line_start = source[..at].rfind('\n').map_or(0, |n| n + 1);
                        let before = source[..at].chars().next_back();
                        if source[line_start..at].trim_start().starts_with("//")
                            || before.is_some_and(|c| c.is_alphanumeric() || "_\"".contains(c))
                        {
                            continue;
                        }
                        let rest = source[at + 4..].trim_start();
                        if let Some(rest) = rest.strip_prefix('"') {
                            let end = rest.find('"').unwrap();
                            let names = variables_passed(&rest[end + 1..]);
                            let file = path.display().to_string();
                            calls.push((rest[..end].to_string(), names, file));
                        }
                    }
                }
            }
        }
        let mut calls = Vec::new();
        visit(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut calls,
        );
        calls
    }

    /// The `name = value` names of a macro call's arguments, from just after its first
    /// argument to its closing parenthesis (strings and nested brackets skipped).
    fn variables_passed(arguments: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        let mut take = |segment: &str| {
            if let Some((name, _)) = segment.split_once('=') {
                names.insert(name.trim().to_string());
            }
        };
        let (mut depth, mut in_string, mut escaped) = (0, false, false);
        let mut segment = String::new();
        for c in arguments.chars() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    take(&segment);
                    segment.clear();
                    continue;
                }
                _ => {}
            }
            if depth == 0 {
                segment.push(c);
            }
        }
        take(&segment);
        names
    }

    #[test]
    fn every_call_passes_the_variables_of_its_message() {
        let catalogued: BTreeMap<String, BTreeSet<String>> = CATALOGUES
            .iter()
            .flat_map(|(_, english, _)| messages(english))
            .collect();
        let calls = calls();
        assert!(calls.len() > 100, "only {} calls of tr! found", calls.len());
        for (id, passed, file) in calls {
            if let Some(variables) = catalogued.get(&id) {
                assert_eq!(&passed, variables, "{file}: the variables passed to `{id}`");
            }
        }
    }

    #[test]
    fn every_message_used_exists_and_every_message_is_used() {
        let used: BTreeMap<String, String> = calls()
            .into_iter()
            .map(|(id, _, file)| (id, file))
            .collect();
        let catalogued: BTreeSet<String> = CATALOGUES
            .iter()
            .flat_map(|(_, english, _)| messages(english).into_keys())
            .collect();
        let missing: Vec<_> = used
            .iter()
            .filter(|(id, _)| !catalogued.contains(*id))
            .collect();
        assert!(missing.is_empty(), "not in the catalogues: {missing:?}");
        let unused: Vec<_> = catalogued
            .iter()
            .filter(|id| !used.contains_key(*id))
            .collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }

    #[test]
    fn a_verdict_is_traced_to_the_id_of_its_message() {
        let inner = crate::tr!("run-blocked-waiting");
        let outer = crate::tr!("run-blocked", seconds = 3, cause = inner);
        assert_eq!(id_of(&format!("call(): {outer}")), Some("run-blocked"));
        assert_eq!(id_of("words of the course file"), None);
    }

    #[test]
    fn line_breaks_in_values_stay() {
        let mut args = FluentArgs::new();
        args.set("text", "two\nlines");
        assert_eq!(
            text(Lang::En, "chat-reply-text", Some(&args)),
            "← two\nlines"
        );
    }

    #[test]
    fn the_locale_chooses_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            }
        };
        assert_eq!(Lang::from_environment(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "ru_RU.UTF-8")])),
            Lang::Ru
        );
        assert_eq!(Lang::from_environment(env(&[("LANG", "ru")])), Lang::Ru);
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "C.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "ru_RU")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", "ru_UA.UTF-8"), ("LC_MESSAGES", "en_US")])),
            Lang::Ru
        );
        // An empty variable counts as unset.
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", ""), ("LANG", "ru_RU.UTF-8")])),
            Lang::Ru
        );
    }
}
