//! Local servers that stand in for the internet while grading: they listen on 127.0.0.1 only,
//! on a port the system picks, and record every request they get.
//!
//! - [`http`]: the server itself (hyper 1), and its log of when each request arrived and how it
//!   ended: answered, or abandoned by the client before the answer.
//! - [`scripted`]: a server whose every path has a delay and a scripted answer: the "what is my
//!   IP" services and the lesson's pages of fastest-ip.
//! - [`search`]: a picture search whose every query has a scripted answer, for image-bot's bot.
//! - [`telegram`]: the Telegram Bot API, for image-bot's bot: a person's messages in, the bot's
//!   replies recorded.
//! - [`proxy`]: a proxy that refuses every request and records its host, for the requests of
//!   image-bot's bot that would leave 127.0.0.1.
//! - [`pictures`]: not a server, the pictures they stand in for: image-bot's, which the mock
//!   search serves and the bot sends, known by their bytes so that a photo can be named.

pub mod http;
pub mod pictures;
pub mod proxy;
pub mod scripted;
pub mod search;
pub mod telegram;
