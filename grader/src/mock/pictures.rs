//! The image-bot exercise's pictures (`fixtures/image-bot/images/`): the folder that the bot's
//! `Pictures::Folder` source reads and the mock search serves, and each picture known by its
//! bytes, so that a photo the mock Telegram received can be named (in a transcript, in `chat`).

use std::path::{Path, PathBuf};

/// The course's pictures: the folder the bot's `Pictures::Folder` source reads.
pub fn images(fixtures: &Path) -> PathBuf {
    fixtures.join("images")
}

/// The course's pictures, by their bytes.
pub fn known_pictures(folder: &Path) -> Vec<(Vec<u8>, String)> {
    let mut pictures: Vec<(Vec<u8>, String)> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).ok()?;
            Some((bytes, name))
        })
        .collect();
    pictures.sort_by(|a, b| a.1.cmp(&b.1));
    pictures
}

/// The name of the course's picture with these bytes, if it is one of them.
pub fn picture_named<'a>(pictures: &'a [(Vec<u8>, String)], bytes: &[u8]) -> Option<&'a str> {
    pictures
        .iter()
        .find(|(known, _)| known == bytes)
        .map(|(_, name)| name.as_str())
}
