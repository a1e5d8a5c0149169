//! Correct: cut at the byte where the 71st character starts, found with `char_indices`.

mod given;

pub use given::{FetchError, PREVIEW_CHARS};

pub async fn first_chars(client: &reqwest::Client, url: &str) -> Result<String, FetchError> {
    let response = client.get(url).send().await.map_err(FetchError::Request)?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(FetchError::Status(status));
    }
    let text = response.text().await?;
    let end = match text.char_indices().nth(PREVIEW_CHARS) {
        Some((at, _)) => at,
        None => text.len(),
    };
    Ok(text[..end].to_string())
}
