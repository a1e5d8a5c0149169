//! Wrong, twice: no retry after "too many requests", and a caption cut by bytes, which panics
//! when byte 1,024 falls inside a character.

mod given;

use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{InputFile, Me, ReplyParameters};
use teloxide::utils::command::BotCommands;

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
                let response = client
                    .get(format!("{base_url}/v1/images/"))
                    .query(&[("q", query)])
                    .send()
                    .await?;
                if response.status() != reqwest::StatusCode::OK {
                    return Err(PictureError::Status(response.status()));
                }
                let text = response.text().await?;
                let value: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|error| PictureError::BadAnswer(error.to_string()))?;
                match value["results"].as_array().map(|results| results.first()) {
                    None => Err(PictureError::BadAnswer(text)),
                    Some(None) => Ok(None),
                    Some(Some(first)) => {
                        let url = first["url"]
                            .as_str()
                            .ok_or_else(|| PictureError::BadAnswer(text.clone()))?;
                        let picture = client.get(url).send().await?;
                        if picture.status() != reqwest::StatusCode::OK {
                            return Err(PictureError::Status(picture.status()));
                        }
                        let file_name = url.split('/').next_back().unwrap_or("x.jpg").to_owned();
                        let bytes = picture.bytes().await?.to_vec();
                        Ok(Some(Picture { bytes, file_name }))
                    }
                }
            }
        }
    }
}

#[derive(BotCommands, Clone)]
#[command(rename_rule = "lowercase")]
enum Command {
    Start,
    Help,
}

pub async fn run(bot: Bot, pictures: Pictures) {
    let handler = Update::filter_message().endpoint(on_message);
    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![pictures, reqwest::Client::new()])
        .build()
        .dispatch()
        .await;
}

async fn on_message(
    bot: Bot,
    me: Me,
    message: Message,
    pictures: Pictures,
    client: reqwest::Client,
) -> ResponseResult<()> {
    let reply = ReplyParameters::new(message.id);
    let chat = message.chat.id;
    let Some(text) = message.text() else {
        bot.send_message(chat, "A word, please!").reply_parameters(reply).await?;
        return Ok(());
    };
    if Command::parse(text, me.username()).is_ok() {
        bot.send_message(chat, "Welcome! Any word gets you a picture.")
            .reply_parameters(reply)
            .await?;
        return Ok(());
    }
    match tokio::time::timeout(Duration::from_secs(10), pictures.find(&client, text)).await {
        Ok(Ok(Some(picture))) => {
            let caption = if text.len() > 1024 { &text[..1024] } else { text };
            bot.send_photo(chat, InputFile::memory(picture.bytes).file_name(picture.file_name))
                .caption(caption)
                .reply_parameters(reply)
                .await?;
        }
        Ok(Ok(None)) => {
            bot.send_message(chat, "Nothing like that here.").reply_parameters(reply).await?;
        }
        Ok(Err(_)) | Err(_) => {
            bot.send_message(chat, "Oops, the search failed.").reply_parameters(reply).await?;
        }
    }
    Ok(())
}
