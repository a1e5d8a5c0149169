//! Local servers that stand in for the internet while grading: they listen on 127.0.0.1 only,
//! on a port the system picks, and record every request they get.
//!
//! - [`http`]: the server itself (hyper 1), and its log of when each request arrived and how it
//!   ended: answered, or abandoned by the client before the answer.
//! - [`scripted`]: a server whose every path has a delay and a scripted answer: the "what is my
//!   IP" services and the lesson's pages of exercise 2, and exercise 3's picture search.
//! - [`telegram`]: the Telegram Bot API, for exercise 3's bot.

pub mod http;
pub mod scripted;
pub mod telegram;
