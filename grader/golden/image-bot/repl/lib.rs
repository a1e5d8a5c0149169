//! Correct: teloxide::repl with one closure that tells the kinds of message apart.

mod given;

use std::sync::Arc;
use std::time::Duration;

use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{InputFile, ReplyParameters};

pub use given::{Picture, PictureError, Pictures, find_in_folder, words};

impl Pictures {
    pub async fn find(
        &self,
        client: &reqwest::Client,
        query: &str,
    ) -> Result<Option<Picture>, PictureError> {
        match self {
            Pictures::Folder(folder) => find_in_folder(folder, query).await,
            Pictures::Search { base_url } => {
                let url = format!("{base_url}/v1/images/");
                let response = client.get(url).query(&[("q", query)]).send().await?;
                if !response.status().is_success() {
                    return Err(PictureError::Status(response.status()));
                }
                let answer: serde_json::Value = response.json().await?;
                let Some(url) = answer["results"][0]["url"].as_str() else {
                    return Ok(None);
                };
                let response = client.get(url).send().await?.error_for_status()?;
                let file_name = url.rsplit('/').next().unwrap_or("picture.png").to_string();
                Ok(Some(Picture {
                    bytes: response.bytes().await?.to_vec(),
                    file_name,
                }))
            }
        }
    }
}

pub async fn run(bot: Bot, pictures: Pictures) {
    let pictures = Arc::new(pictures);
    let client = reqwest::Client::new();
    teloxide::repl(bot, move |bot: Bot, message: Message| {
        let (pictures, client) = (Arc::clone(&pictures), client.clone());
        async move {
            let reply = ReplyParameters::new(message.id);
            let Some(text) = message.text() else {
                let ask = bot.send_message(message.chat.id, "Send me a word, please.");
                return retry(|| ask.clone().reply_parameters(reply.clone()).send()).await;
            };
            let command = text.split(['@', ' ']).next().unwrap_or("");
            if command == "/start" || command == "/help" {
                let hello = bot.send_message(message.chat.id, "Hi! Send me a word, get a picture.");
                return retry(|| hello.clone().reply_parameters(reply.clone()).send()).await;
            }
            let found =
                tokio::time::timeout(Duration::from_secs(10), pictures.find(&client, text)).await;
            match found {
                Ok(Ok(Some(picture))) => {
                    let caption: String = text.chars().take(1024).collect();
                    let photo = bot
                        .send_photo(
                            message.chat.id,
                            InputFile::memory(picture.bytes).file_name(picture.file_name),
                        )
                        .caption(caption);
                    retry(|| photo.clone().reply_parameters(reply.clone()).send()).await
                }
                Ok(Ok(None)) => {
                    let none = bot.send_message(message.chat.id, "No picture for that word.");
                    retry(|| none.clone().reply_parameters(reply.clone()).send()).await
                }
                _ => {
                    let sorry = bot.send_message(message.chat.id, "Sorry, try again later.");
                    retry(|| sorry.clone().reply_parameters(reply.clone()).send()).await
                }
            }
        }
    })
    .await;
}

/// Sends again after Telegram's "retry after".
async fn retry<F, Fut, T>(send: F) -> ResponseResult<()>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, RequestError>>,
{
    loop {
        match send().await {
            Err(RequestError::RetryAfter(wait)) => tokio::time::sleep(wait.duration()).await,
            Err(error) => return Err(error),
            Ok(_) => return Ok(()),
        }
    }
}
