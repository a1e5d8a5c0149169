//! Wrong: only the exact text `/start` is a command; `/help` is looked up like any word.

mod given;

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
                let answer = client
                    .get(format!("{base_url}/v1/images/"))
                    .query(&[("q", query)])
                    .send()
                    .await?;
                if !answer.status().is_success() {
                    return Err(PictureError::Status(answer.status()));
                }
                let json: serde_json::Value = answer
                    .json()
                    .await
                    .map_err(|e| PictureError::BadAnswer(e.to_string()))?;
                let results = json["results"]
                    .as_array()
                    .ok_or_else(|| PictureError::BadAnswer("results".into()))?;
                let Some(url) = results.first().map(|first| first["url"].as_str()) else {
                    return Ok(None);
                };
                let url = url.ok_or_else(|| PictureError::BadAnswer("url".into()))?;
                let picture = client.get(url).send().await?;
                if !picture.status().is_success() {
                    return Err(PictureError::Status(picture.status()));
                }
                Ok(Some(Picture {
                    file_name: url.rsplit('/').next().unwrap_or("picture.jpg").into(),
                    bytes: picture.bytes().await?.to_vec(),
                }))
            }
        }
    }
}

#[derive(Clone)]
struct Source(std::sync::Arc<Pictures>, reqwest::Client);

pub async fn run(bot: Bot, pictures: Pictures) {
    let source = Source(std::sync::Arc::new(pictures), reqwest::Client::new());
    let tree = Update::filter_message()
        .branch(dptree::filter(|m: Message| m.text() == Some("/start")).endpoint(hello))
        .branch(Message::filter_text().endpoint(look_up))
        .endpoint(not_a_word);
    Dispatcher::builder(bot, tree)
        .dependencies(dptree::deps![source])
        .build()
        .dispatch()
        .await;
}

async fn hello(bot: Bot, m: Message) -> ResponseResult<()> {
    let request = bot
        .send_message(m.chat.id, "Hi! I send pictures: write me a word.")
        .reply_parameters(ReplyParameters::new(m.id));
    patiently(|| request.clone().send()).await
}

async fn look_up(bot: Bot, m: Message, text: String, source: Source) -> ResponseResult<()> {
    let to = ReplyParameters::new(m.id);
    let found = tokio::time::timeout(Duration::from_secs(10), source.0.find(&source.1, &text)).await;
    match found {
        Ok(Ok(Some(picture))) => {
            let request = bot
                .send_photo(
                    m.chat.id,
                    InputFile::memory(picture.bytes).file_name(picture.file_name),
                )
                .caption(text.chars().take(1024).collect::<String>())
                .reply_parameters(to);
            patiently(|| request.clone().send()).await
        }
        Ok(Ok(None)) => {
            let request = bot
                .send_message(m.chat.id, "I know no picture for that.")
                .reply_parameters(to);
            patiently(|| request.clone().send()).await
        }
        _ => {
            let request = bot
                .send_message(m.chat.id, "The pictures are out of reach; later, maybe.")
                .reply_parameters(to);
            patiently(|| request.clone().send()).await
        }
    }
}

async fn not_a_word(bot: Bot, m: Message) -> ResponseResult<()> {
    let request = bot
        .send_message(m.chat.id, "Text me a word instead.")
        .reply_parameters(ReplyParameters::new(m.id));
    patiently(|| request.clone().send()).await
}

/// Tries again as long as Telegram says "retry after".
async fn patiently<T, F: std::future::Future<Output = Result<T, RequestError>>>(
    send: impl Fn() -> F,
) -> ResponseResult<()> {
    loop {
        if let Err(error) = send().await {
            let RequestError::RetryAfter(wait) = error else {
                return Err(error);
            };
            tokio::time::sleep(wait.duration()).await;
        } else {
            return Ok(());
        }
    }
}
