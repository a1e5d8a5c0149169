//! Wrong: no retry after "too many requests", and a failed send panics with the `Bot` in its
//! message: the 429 prints the token.

mod given;

use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{InputFile, ReplyParameters};
use teloxide::utils::command::BotCommands;

pub use given::{Picture, PictureError, Pictures, find_in_folder, words};

impl Pictures {
    pub async fn find(
        &self,
        client: &reqwest::Client,
        query: &str,
    ) -> Result<Option<Picture>, PictureError> {
        let Pictures::Search { base_url } = self else {
            let Pictures::Folder(folder) = self else { unreachable!() };
            return find_in_folder(folder, query).await;
        };
        let search = format!("{}/v1/images/", base_url.trim_end_matches('/'));
        let response = client.get(search).query(&[("q", query)]).send().await?;
        let status = response.status();
        if !status.is_success() {
            return Err(PictureError::Status(status));
        }
        let json: serde_json::Value = response
            .json()
            .await
            .map_err(|error| PictureError::BadAnswer(error.to_string()))?;
        let results = json["results"]
            .as_array()
            .ok_or(PictureError::BadAnswer("no results".to_string()))?;
        let Some(result) = results.first() else {
            return Ok(None);
        };
        let url = result["url"]
            .as_str()
            .ok_or(PictureError::BadAnswer("no url".to_string()))?;
        let response = client.get(url).send().await?;
        if !response.status().is_success() {
            return Err(PictureError::Status(response.status()));
        }
        let file_name = url.rsplit('/').next().unwrap_or_default();
        let file_name = if file_name.contains('.') { file_name } else { "picture.jpg" };
        Ok(Some(Picture {
            file_name: file_name.to_string(),
            bytes: response.bytes().await?.to_vec(),
        }))
    }
}

#[derive(BotCommands, Clone)]
#[command(rename_rule = "lowercase")]
enum Command {
    Start,
    Help,
}

pub async fn run(bot: Bot, pictures: Pictures) {
    let pictures = Arc::new(pictures);
    let client = reqwest::Client::new();
    let handler = Update::filter_message()
        .branch(dptree::entry().filter_command::<Command>().endpoint(
            |bot: Bot, message: Message| async move {
                let sent = bot
                    .send_message(message.chat.id, "Hello! A word gets a picture.")
                    .reply_parameters(ReplyParameters::new(message.id))
                    .await;
                sent.unwrap_or_else(|error| panic!("{bot:?} could not send: {error}"));
                respond(())
            },
        ))
        .branch(Message::filter_text().endpoint(
            |bot: Bot, message: Message, text: String, pictures: Arc<Pictures>, client: reqwest::Client| async move {
                let to = ReplyParameters::new(message.id);
                let found = tokio::time::timeout(Duration::from_secs(10), pictures.find(&client, &text)).await;
                let sent = match found {
                    Ok(Ok(Some(picture))) => bot
                        .send_photo(message.chat.id, InputFile::memory(picture.bytes).file_name(picture.file_name))
                        .caption(text.chars().take(1024).collect::<String>())
                        .reply_parameters(to)
                        .await,
                    Ok(Ok(None)) => bot.send_message(message.chat.id, "No such picture.").reply_parameters(to).await,
                    _ => bot.send_message(message.chat.id, "Sorry: no search now.").reply_parameters(to).await,
                };
                sent.unwrap_or_else(|error| panic!("{bot:?} could not send: {error}"));
                respond(())
            },
        ))
        .endpoint(|bot: Bot, message: Message| async move {
            bot.send_message(message.chat.id, "Send a word, not that.")
                .reply_parameters(ReplyParameters::new(message.id))
                .await
                .unwrap_or_else(|error| panic!("{bot:?} could not send: {error}"));
            respond(())
        });
    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![pictures, client])
        .build()
        .dispatch()
        .await;
}
