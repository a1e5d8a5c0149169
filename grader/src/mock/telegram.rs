//! A mock of the Telegram Bot API, for image-bot: teloxide talks to it over real HTTP (through
//! `Bot::set_api_url`), with real long polling, and it records every reply the bot sends.
//!
//! It answers what a polling bot calls: `getMe`, `getWebhookInfo`, `deleteWebhook`,
//! `getUpdates` (held until an update is queued or its timeout), `sendMessage`, `sendPhoto`
//! (multipart, the photo as bytes or as a URL) and `sendChatAction`, with method names in any
//! case. It enforces Telegram's limits (a text of at most 4,096 characters, a caption of at most
//! 1,024) with Telegram's 400 answers, and can be told to answer a method with a 429
//! (`retry_after`) or a 500 first, to test recovery.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::mock::http::{Handler, MockServer, Reply, respond};

/// The token the grader gives the bot; any other is refused, as Telegram would.
pub const TOKEN: &str = "123456:grader-test-token";
/// The bot's user name, as `getMe` gives it (`/help@picture_test_bot`).
pub const BOT_USERNAME: &str = "picture_test_bot";
const BOT_ID: i64 = 42;
/// Telegram's limits, in characters.
pub const MAX_TEXT: usize = 4096;
pub const MAX_CAPTION: usize = 1024;

/// What a person sends the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromPerson {
    Text(String),
    Sticker,
    Photo,
    Location,
}

/// A reply the bot sent, as Telegram accepted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub chat_id: i64,
    /// The message it replies to, if it is a reply.
    pub reply_to: Option<i64>,
    /// When, since the mock started.
    pub at: Duration,
    pub what: SentKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SentKind {
    Text(String),
    Photo {
        /// The uploaded bytes, or `None` when the photo was given as a URL or a file id.
        bytes: Option<Vec<u8>>,
        url: Option<String>,
        caption: Option<String>,
    },
}

/// An answer to give instead of the real one, the next time a method is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    TooManyRequests { retry_after: u64 },
    ServerError,
}

/// One call to the API: its method (lowercase), its chat (`chat_id`, when it has one), when, the
/// status it got, and Telegram's words when it was refused (`Bad Request: ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub method: String,
    pub chat_id: Option<i64>,
    pub at: Duration,
    pub status: u16,
    pub refused: Option<String>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Updates not confirmed yet (`getUpdates`' offset confirms them).
    queue: VecDeque<Value>,
    next_update_id: i64,
    next_message_id: i64,
    sent: Vec<Sent>,
    calls: Vec<Call>,
    /// By method (lowercase) and chat (`None`: any chat).
    failures: HashMap<(String, Option<i64>), VecDeque<Failure>>,
}

struct State {
    start: Instant,
    inner: Mutex<Inner>,
    /// Told of every queued update and every reply.
    changed: Notify,
}

/// A running mock Telegram.
pub struct Telegram {
    server: MockServer,
    state: Arc<State>,
}

impl Telegram {
    /// Starts the mock on 127.0.0.1; the error says, in words, why it could not.
    pub async fn start() -> Result<Telegram, String> {
        let state = Arc::new(State {
            start: Instant::now(),
            inner: Mutex::new(Inner {
                next_update_id: 1,
                next_message_id: 1,
                ..Inner::default()
            }),
            changed: Notify::new(),
        });
        let handler_state = Arc::clone(&state);
        let handler: Handler = Arc::new(move |request| {
            let state = Arc::clone(&handler_state);
            Box::pin(async move { answer(&state, request).await })
        });
        let server = MockServer::start(handler)
            .await
            .map_err(|error| format!("cannot start the mock Telegram: {error}"))?;
        Ok(Telegram { server, state })
    }

    /// The URL to give `Bot::set_api_url`.
    pub fn api_url(&self) -> String {
        self.server.url("/")
    }

    /// The argument of image-bot's harness: the bot talks to this mock, and finds its pictures
    /// in `source` (`{"folder": ...}` or `{"search": url}`).
    pub fn harness_argument(&self, source: Value) -> String {
        json!({ "api_url": self.api_url(), "token": TOKEN, "source": source }).to_string()
    }

    /// Queues a message from a person in the private chat `chat_id`; returns its message id.
    pub fn send(&self, chat_id: i64, incoming: &FromPerson) -> i64 {
        let mut inner = self.state.inner.lock().unwrap();
        let message_id = inner.next_message_id;
        inner.next_message_id += 1;
        let update_id = inner.next_update_id;
        inner.next_update_id += 1;
        let mut message = json!({
            "message_id": message_id,
            "date": unix_now(),
            "chat": { "id": chat_id, "type": "private", "first_name": "Student" },
            "from": { "id": chat_id, "is_bot": false, "first_name": "Student", "language_code": "ru" },
        });
        let content = match incoming {
            FromPerson::Text(text) => {
                let mut content = json!({ "text": text });
                if let Some(command) = text.strip_prefix('/') {
                    let length = 1 + command
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .encode_utf16()
                        .count();
                    content["entities"] =
                        json!([{ "type": "bot_command", "offset": 0, "length": length }]);
                }
                content
            }
            FromPerson::Sticker => json!({ "sticker": {
                "file_id": "sticker-1", "file_unique_id": "sticker-u1", "type": "regular",
                "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "😺"
            }}),
            FromPerson::Photo => json!({ "photo": [{
                "file_id": "photo-1", "file_unique_id": "photo-u1", "width": 90, "height": 90,
                "file_size": 1200
            }]}),
            FromPerson::Location => {
                json!({ "location": { "latitude": 55.7558, "longitude": 37.6173 } })
            }
        };
        merge(&mut message, content);
        inner
            .queue
            .push_back(json!({ "update_id": update_id, "message": message }));
        drop(inner);
        self.state.changed.notify_waiters();
        message_id
    }

    /// Answers the next call of `method` (e.g. `sendPhoto`) for `chat` (any chat: `None`) with
    /// `failure` instead.
    pub fn fail_next(&self, method: &str, chat: Option<i64>, failure: Failure) {
        let mut inner = self.state.inner.lock().unwrap();
        inner
            .failures
            .entry((method.to_lowercase(), chat))
            .or_default()
            .push_back(failure);
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.state.inner.lock().unwrap().sent.clone()
    }

    pub fn calls(&self) -> Vec<Call> {
        self.state.inner.lock().unwrap().calls.clone()
    }

    /// Waits until `done` holds of the replies sent so far, or `limit` has passed.
    pub async fn wait_for(&self, limit: Duration, done: impl Fn(&[Sent]) -> bool) {
        let wait = async {
            loop {
                let changed = self.state.changed.notified();
                if done(&self.sent()) {
                    return;
                }
                changed.await;
            }
        };
        let _ = tokio::time::timeout(limit, wait).await;
    }
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

fn merge(into: &mut Value, from: Value) {
    if let (Some(into), Value::Object(from)) = (into.as_object_mut(), from) {
        into.extend(from);
    }
}

/// A request's parameters: JSON fields, and the files of a multipart body.
#[derive(Debug, Default)]
struct Params {
    fields: serde_json::Map<String, Value>,
    files: HashMap<String, Bytes>,
}

impl Params {
    fn int(&self, name: &str) -> Option<i64> {
        match self.fields.get(name)? {
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.parse().ok(),
            _ => None,
        }
    }

    fn text(&self, name: &str) -> Option<String> {
        match self.fields.get(name)? {
            Value::String(text) => Some(text.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }

    /// The message a reply goes to: `reply_parameters.message_id`, or the older
    /// `reply_to_message_id`. In a multipart body, `reply_parameters` is a JSON string.
    fn reply_to(&self) -> Option<i64> {
        let parameters = match self.fields.get("reply_parameters") {
            Some(Value::String(text)) => serde_json::from_str(text).ok(),
            Some(value) => Some(value.clone()),
            None => None,
        };
        parameters
            .and_then(|parameters| parameters["message_id"].as_i64())
            .or_else(|| self.int("reply_to_message_id"))
    }
}

async fn read_params(request: Request<hyper::body::Incoming>) -> Result<Params, String> {
    let content_type = request
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let body = request
        .into_body()
        .collect()
        .await
        .map_err(|error| error.to_string())?
        .to_bytes();
    let mut params = Params::default();
    for (name, value) in form_pairs(&query) {
        params.fields.insert(name, Value::String(value));
    }
    if content_type.starts_with("multipart/form-data") {
        let boundary = multer::parse_boundary(&content_type).map_err(|error| error.to_string())?;
        let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(body) });
        let mut multipart = multer::Multipart::new(stream, boundary);
        while let Some(field) = multipart.next_field().await.map_err(|e| e.to_string())? {
            let name = field.name().unwrap_or_default().to_string();
            let is_file = field.file_name().is_some();
            let bytes = field.bytes().await.map_err(|error| error.to_string())?;
            if is_file {
                params.files.insert(name, bytes);
            } else {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                params.fields.insert(name, Value::String(text));
            }
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        for (name, value) in form_pairs(&String::from_utf8_lossy(&body)) {
            params.fields.insert(name, Value::String(value));
        }
    } else if !body.is_empty() {
        let json: Value = serde_json::from_slice(&body).map_err(|error| error.to_string())?;
        if let Value::Object(fields) = json {
            params.fields.extend(fields);
        }
    }
    Ok(params)
}

/// `a=1&b=x%20y` as pairs (enough for the few simple parameters a bot sends this way).
fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[at], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 2;
            }
            (byte, _) => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Telegram's way of answering: `{"ok": true, "result": ...}`.
fn ok(result: Value) -> Reply {
    respond(
        200,
        "application/json",
        json!({ "ok": true, "result": result }).to_string(),
    )
}

/// Telegram's way of refusing: `{"ok": false, "error_code": ..., "description": ...}`.
fn refuse(code: u16, description: &str, parameters: Option<Value>) -> Reply {
    let mut body = json!({ "ok": false, "error_code": code, "description": description });
    if let Some(parameters) = parameters {
        body["parameters"] = parameters;
    }
    respond(code, "application/json", body.to_string())
}

fn bot_user() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": "Picture Bot", "username": BOT_USERNAME })
}

async fn answer(state: &State, request: Request<hyper::body::Incoming>) -> Reply {
    let path = request.uri().path().to_string();
    let Some(rest) = path.strip_prefix("/bot") else {
        return refuse(404, "Not Found", None);
    };
    let (token, method) = rest.split_once('/').unwrap_or((rest, ""));
    if token != TOKEN {
        return refuse(401, "Unauthorized", None);
    }
    let method = method.to_lowercase();
    let at = state.start.elapsed();
    let params = match read_params(request).await {
        Ok(params) => params,
        Err(error) => return refuse(400, &format!("Bad Request: {error}"), None),
    };
    let chat_id = params.int("chat_id");
    let failure = {
        let mut inner = state.inner.lock().unwrap();
        [(method.clone(), chat_id), (method.clone(), None)]
            .iter()
            .find_map(|key| inner.failures.get_mut(key).and_then(VecDeque::pop_front))
    };
    let reply = match failure {
        Some(Failure::TooManyRequests { retry_after }) => refuse(
            429,
            &format!("Too Many Requests: retry after {retry_after}"),
            Some(json!({ "retry_after": retry_after })),
        ),
        Some(Failure::ServerError) => refuse(500, "Internal Server Error", None),
        None => call(state, &method, params).await,
    };
    let status = reply
        .as_ref()
        .map_or(0, |response| response.status().as_u16());
    let (reply, refused) = match reply {
        Ok(response) if status >= 400 => {
            // Telegram's words, kept for the verdict: `{"ok": false, "description": ...}`.
            let (parts, body) = response.into_parts();
            let body = match body.collect().await {
                Ok(collected) => collected.to_bytes(),
                Err(never) => match never {},
            };
            let description = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|json| json["description"].as_str().map(str::to_string));
            let response = hyper::Response::from_parts(parts, Full::new(body));
            (Ok(response), description)
        }
        reply => (reply, None),
    };
    state.inner.lock().unwrap().calls.push(Call {
        method,
        chat_id,
        at,
        status,
        refused,
    });
    reply
}

async fn call(state: &State, method: &str, params: Params) -> Reply {
    match method {
        "getme" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "Picture Bot", "username": BOT_USERNAME,
            "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": false, "can_connect_to_business": false,
            "has_main_web_app": false,
        })),
        "getwebhookinfo" => {
            ok(json!({ "url": "", "has_custom_certificate": false, "pending_update_count": 0 }))
        }
        // Harmless settings a bot may make at its start: accepted, and nothing else happens.
        "deletewebhook"
        | "sendchataction"
        | "setmycommands"
        | "deletemycommands"
        | "setmydescription"
        | "setmyshortdescription"
        | "setmyname"
        | "setchatmenubutton" => ok(json!(true)),
        "getmycommands" => ok(json!([])),
        "getmydescription" => ok(json!({ "description": "" })),
        "getmyshortdescription" => ok(json!({ "short_description": "" })),
        "getmyname" => ok(json!({ "name": "Picture Bot" })),
        "getupdates" => get_updates(state, &params).await,
        "sendmessage" => send_message(state, &params),
        "sendphoto" => send_photo(state, &params),
        // The real API has many more methods; this mock says plainly which one it lacks.
        _ => refuse(
            404,
            &format!("Not Found: the grader's mock Telegram does not have the method {method}"),
            None,
        ),
    }
}

/// Long polling: answers at once when updates wait, else holds the request until one is queued
/// or `timeout` seconds pass. `offset` confirms (and forgets) every update before it.
async fn get_updates(state: &State, params: &Params) -> Reply {
    let offset = params.int("offset").unwrap_or(0);
    let timeout = Duration::from_secs(params.int("timeout").unwrap_or(0).clamp(0, 60) as u64);
    let limit = params.int("limit").unwrap_or(100).clamp(1, 100) as usize;
    let take = || {
        let mut inner = state.inner.lock().unwrap();
        inner
            .queue
            .retain(|update| update["update_id"].as_i64().unwrap_or(0) >= offset);
        inner.queue.iter().take(limit).cloned().collect::<Vec<_>>()
    };
    let wait = async {
        loop {
            let changed = state.changed.notified();
            let updates = take();
            if !updates.is_empty() {
                return updates;
            }
            changed.await;
        }
    };
    let updates = tokio::time::timeout(timeout, wait)
        .await
        .unwrap_or_default();
    ok(Value::Array(updates))
}

fn chat(chat_id: i64) -> Value {
    json!({ "id": chat_id, "type": "private", "first_name": "Student" })
}

/// Records a reply and makes the message Telegram answers with.
fn record(
    state: &State,
    chat_id: i64,
    reply_to: Option<i64>,
    what: SentKind,
    content: Value,
) -> Reply {
    let mut inner = state.inner.lock().unwrap();
    let message_id = inner.next_message_id;
    inner.next_message_id += 1;
    inner.sent.push(Sent {
        chat_id,
        reply_to,
        at: state.start.elapsed(),
        what,
    });
    drop(inner);
    state.changed.notify_waiters();
    let mut message = json!({
        "message_id": message_id, "date": unix_now(), "chat": chat(chat_id), "from": bot_user(),
    });
    merge(&mut message, content);
    ok(message)
}

fn send_message(state: &State, params: &Params) -> Reply {
    let Some(chat_id) = params.int("chat_id") else {
        return refuse(400, "Bad Request: chat not found", None);
    };
    let text = params.text("text").unwrap_or_default();
    if text.trim().is_empty() {
        return refuse(400, "Bad Request: message text is empty", None);
    }
    if text.chars().count() > MAX_TEXT {
        return refuse(400, "Bad Request: message is too long", None);
    }
    let content = json!({ "text": text });
    record(
        state,
        chat_id,
        params.reply_to(),
        SentKind::Text(text),
        content,
    )
}

fn send_photo(state: &State, params: &Params) -> Reply {
    let Some(chat_id) = params.int("chat_id") else {
        return refuse(400, "Bad Request: chat not found", None);
    };
    let caption = params.text("caption");
    if caption
        .as_ref()
        .is_some_and(|caption| caption.chars().count() > MAX_CAPTION)
    {
        return refuse(400, "Bad Request: message caption is too long", None);
    }
    // The photo is a file part named `photo`, or a part named elsewhere that `photo` points to
    // with `attach://<name>`, or a URL (or file id) that Telegram would fetch itself.
    let attached = params
        .text("photo")
        .and_then(|photo| photo.strip_prefix("attach://").map(str::to_string))
        .and_then(|name| params.files.get(&name));
    let (bytes, url) = match (params.files.get("photo").or(attached), params.text("photo")) {
        (Some(bytes), _) if !bytes.is_empty() => (Some(bytes.to_vec()), None),
        (_, Some(url)) if !url.is_empty() => (None, Some(url)),
        _ => return refuse(400, "Bad Request: there is no photo in the request", None),
    };
    let content = json!({
        "photo": [{ "file_id": "sent-photo", "file_unique_id": "sent-photo-u", "width": 64, "height": 64 }],
        "caption": caption,
    });
    let what = SentKind::Photo {
        bytes,
        url,
        caption,
    };
    record(state, chat_id, params.reply_to(), what, content)
}
