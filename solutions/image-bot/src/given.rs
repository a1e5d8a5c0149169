//! What the exercise gives: pictures, where they come from, the folder source, and the errors.

use std::path::PathBuf;

/// A picture to send: its bytes and a file name with the right extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub bytes: Vec<u8>,
    pub file_name: String,
}

/// Where pictures come from.
#[derive(Debug, Clone)]
pub enum Pictures {
    /// A folder of pictures named by keyword (`cat.png`, `кошка.jpg`): a picture matches when its
    /// file stem equals a word of the message, compared case-insensitively (Unicode lowercase);
    /// the first matching word wins. Given to the student.
    Folder(PathBuf),
    /// An HTTP picture search: `GET {base_url}/v1/images/?q=...` answers JSON in the style of
    /// Openverse (`{"results": [{"url": ...}, ...]}`); the bot downloads the first result.
    /// Written by the student.
    Search { base_url: String },
}

/// Why a picture source failed (as opposed to finding nothing, which is `Ok(None)`).
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("cannot read the pictures' folder: {0}")]
    Folder(#[from] std::io::Error),
    #[error("the search did not answer: {0}")]
    Request(#[from] reqwest::Error),
    #[error("the search answered {0}")]
    Status(reqwest::StatusCode),
    #[error("the search's answer makes no sense: {0}")]
    BadAnswer(String),
}

/// The words of a message, lowercased: what a picture's name is compared with.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The folder source: the first word of `query` that names a picture in `folder`.
pub async fn find_in_folder(
    folder: &std::path::Path,
    query: &str,
) -> Result<Option<Picture>, PictureError> {
    let mut entries = tokio::fs::read_dir(folder).await?;
    let mut pictures = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        let path = entry.path();
        let stem = path.file_stem().and_then(|stem| stem.to_str());
        if let Some(stem) = stem {
            pictures.push((stem.to_lowercase(), path.clone()));
        }
    }
    // The same answer whatever order the folder lists its files in.
    pictures.sort();
    for word in words(query) {
        if let Some((_, path)) = pictures.iter().find(|(stem, _)| *stem == word) {
            let bytes = tokio::fs::read(path).await?;
            let file_name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_else(|| format!("{word}.png"));
            return Ok(Some(Picture { bytes, file_name }));
        }
    }
    Ok(None)
}
