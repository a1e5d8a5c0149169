//! Wrong: every text is a word to look up, commands too; the "nothing found" reply quotes the
//! message, so `/start` gets `No picture for «/start»`.

mod given;

use std::sync::Arc;
use std::time::Duration;

use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{ChatId, InputFile, MessageId, ReplyParameters};

pub use given::{Picture, PictureError, Pictures, find_in_folder, words};

impl Pictures {
    pub async fn find(
        &self,
        client: &reqwest::Client,
        query: &str,
    ) -> Result<Option<Picture>, PictureError> {
        let base_url = match self {
            Pictures::Folder(folder) => return find_in_folder(folder, query).await,
            Pictures::Search { base_url } => base_url.trim_end_matches('/'),
        };
        let response = client
            .get(format!("{base_url}/v1/images/"))
            .query(&[("q", query)])
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(PictureError::Status(response.status()));
        }
        let body: serde_json::Value = response
            .json()
            .await
            .map_err(|error| PictureError::BadAnswer(error.to_string()))?;
        let Some(results) = body.get("results").and_then(|results| results.as_array()) else {
            return Err(PictureError::BadAnswer("no results".into()));
        };
        let Some(first) = results.first() else {
            return Ok(None);
        };
        let Some(url) = first.get("url").and_then(|url| url.as_str()) else {
            return Err(PictureError::BadAnswer("no url".into()));
        };
        let download = client.get(url).send().await?;
        if !download.status().is_success() {
            return Err(PictureError::Status(download.status()));
        }
        let file_name = match url.rsplit('/').next() {
            Some(name) if name.contains('.') => name.to_string(),
            _ => "picture.jpg".to_string(),
        };
        Ok(Some(Picture {
            bytes: download.bytes().await?.to_vec(),
            file_name,
        }))
    }
}

pub async fn run(bot: Bot, pictures: Pictures) {
    let handler = Update::filter_message().endpoint(answer);
    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![Arc::new(pictures), reqwest::Client::new()])
        .build()
        .dispatch()
        .await;
}

async fn answer(
    bot: Bot,
    message: Message,
    pictures: Arc<Pictures>,
    client: reqwest::Client,
) -> ResponseResult<()> {
    let (chat, id) = (message.chat.id, message.id);
    let Some(text) = message.text() else {
        return reply_text(&bot, chat, id, "Words only, please.".into()).await;
    };
    let search = pictures.find(&client, text);
    match tokio::time::timeout(Duration::from_secs(10), search).await {
        Ok(Ok(Some(picture))) => {
            let photo = InputFile::memory(picture.bytes).file_name(picture.file_name);
            let caption: String = text.chars().take(1024).collect();
            for _ in 0..5 {
                let sent = bot
                    .send_photo(chat, photo.clone())
                    .caption(caption.clone())
                    .reply_parameters(ReplyParameters::new(id))
                    .await;
                match sent {
                    Err(RequestError::RetryAfter(wait)) => tokio::time::sleep(wait.duration()).await,
                    other => return other.map(drop),
                }
            }
            Ok(())
        }
        Ok(Ok(None)) => {
            let text: String = format!("No picture for «{text}».").chars().take(4096).collect();
            reply_text(&bot, chat, id, text).await
        }
        Ok(Err(_)) | Err(_) => reply_text(&bot, chat, id, "Search is down, sorry.".into()).await,
    }
}

async fn reply_text(bot: &Bot, chat: ChatId, id: MessageId, text: String) -> ResponseResult<()> {
    for _ in 0..5 {
        let sent = bot
            .send_message(chat, text.clone())
            .reply_parameters(ReplyParameters::new(id))
            .await;
        match sent {
            Err(RequestError::RetryAfter(wait)) => tokio::time::sleep(wait.duration()).await,
            other => return other.map(drop),
        }
    }
    Ok(())
}
