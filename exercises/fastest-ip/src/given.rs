//! What the exercise gives: the services, and the errors that say why a service failed.

use std::fmt;

/// A "what is my IP" service: where to ask, and which JSON field holds the answer.
#[derive(Debug, Clone)]
pub struct Service {
    pub name: String,
    pub url: String,
    pub ip_attr: String,
}

impl Service {
    pub fn new(name: &str, url: &str, ip_attr: &str) -> Service {
        Service {
            name: name.to_string(),
            url: url.to_string(),
            ip_attr: ip_attr.to_string(),
        }
    }
}

/// ipify, ip-api and a few more real services.
pub fn default_services() -> Vec<Service> {
    vec![
        Service::new("ipify", "https://api.ipify.org?format=json", "ip"),
        Service::new("ip-api", "http://ip-api.com/json", "query"),
        Service::new("ipinfo", "https://ipinfo.io/json", "ip"),
        Service::new("ifconfig.co", "https://ifconfig.co/json", "ip"),
        Service::new("seeip", "https://api.seeip.org/jsonip", "ip"),
    ]
}

/// Why asking one service failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// No answer: the connection failed, was closed, or the client's timeout ran out.
    #[error("no answer: {}", with_causes(.0))]
    Request(#[from] reqwest::Error),
    /// An answer, but not a successful one (404, 500...).
    #[error("answered {0}")]
    Status(reqwest::StatusCode),
    /// A successful answer whose body is not JSON (an HTML page, say).
    #[error("the answer is not JSON: {0}")]
    NotJson(#[source] serde_json::Error),
    /// JSON without the field that should hold the address.
    #[error("the answer has no `{0}` field")]
    MissingField(String),
    /// The field is there, but what it holds is not an IP address.
    #[error("{0} is not an IP address")]
    NotAnIp(String),
}

/// Every service failed: why, for each of them.
#[derive(Debug)]
pub struct AllFailed {
    pub failures: Vec<(String, FetchError)>,
}

impl fmt::Display for AllFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "every service failed")?;
        for (name, error) in &self.failures {
            write!(f, "\n  {name}: {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AllFailed {}

/// An error and the errors that caused it, in one line: reqwest's own message ("error sending
/// request") only says *that* it failed; its causes say why (no DNS, connection refused...).
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        text.push_str(": ");
        text.push_str(&error.to_string());
        cause = error.source();
    }
    text
}
