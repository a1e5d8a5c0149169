//! A mock server whose every path has a scripted behaviour: after a delay, an answer, a hang-up,
//! or silence. The "what is my IP" services and pages of fastest-ip are routes of one such server.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use crate::mock::http::{Handler, Hangup, MockServer, never, respond};

/// What one route does once its delay has passed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", tag = "behaviour")]
pub enum Behaviour {
    /// Answers with a status, a content type and a body.
    Answer {
        status: u16,
        content_type: String,
        body: String,
    },
    /// Closes the connection without an answer.
    Hangup,
    /// Never answers.
    Silent,
}

/// One route: its path, its delay, what it does.
#[derive(Debug, Clone)]
pub struct Route {
    pub path: String,
    pub delay: Duration,
    pub behaviour: Behaviour,
}

/// Starts a server with these routes; any other path gets a 404 at once.
pub async fn serve(routes: Vec<Route>) -> std::io::Result<MockServer> {
    let routes: Arc<HashMap<String, Route>> = Arc::new(
        routes
            .into_iter()
            .map(|route| (route.path.clone(), route))
            .collect(),
    );
    let handler: Handler = Arc::new(move |request| {
        let route = routes.get(request.uri().path()).cloned();
        Box::pin(async move {
            let Some(route) = route else {
                return respond(404, "text/plain", "no such route");
            };
            tokio::time::sleep(route.delay).await;
            match route.behaviour {
                Behaviour::Answer {
                    status,
                    content_type,
                    body,
                } => respond(status, &content_type, body),
                Behaviour::Hangup => Err(Hangup),
                Behaviour::Silent => never().await,
            }
        })
    });
    MockServer::start(handler).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::http::Ending;

    fn route(path: &str, delay_ms: u64, behaviour: Behaviour) -> Route {
        Route {
            path: path.into(),
            delay: Duration::from_millis(delay_ms),
            behaviour,
        }
    }

    fn ok(body: &str) -> Behaviour {
        Behaviour::Answer {
            status: 200,
            content_type: "application/json".into(),
            body: body.into(),
        }
    }

    #[tokio::test]
    async fn answers_after_its_delay_and_logs_the_request() {
        let server = serve(vec![route("/a", 50, ok("{}"))]).await.unwrap();
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        let body = client.get(server.url("/a?x=1")).send().await.unwrap();
        assert_eq!(body.text().await.unwrap(), "{}");
        let seen = server.log.requests();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].target, "/a?x=1");
        let (ended, how) = seen[0].ended.unwrap();
        assert_eq!(how, Ending::Answered);
        assert!(ended - seen[0].arrived >= Duration::from_millis(50));
    }

    #[tokio::test]
    async fn a_dropped_request_is_logged_as_abandoned() {
        let server = serve(vec![route("/slow", 0, Behaviour::Silent)])
            .await
            .unwrap();
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        let request = client.get(server.url("/slow")).send();
        // Give up after a moment: dropping the future cancels the request.
        let _ = tokio::time::timeout(Duration::from_millis(100), request).await;
        let seen = server.log.settled(Duration::from_secs(5)).await;
        let (_, how) = seen[0]
            .ended
            .expect("the server notices the client went away");
        assert_eq!(how, Ending::Abandoned);
    }

    #[tokio::test]
    async fn a_hangup_closes_the_connection() {
        let server = serve(vec![route("/bye", 0, Behaviour::Hangup)])
            .await
            .unwrap();
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        assert!(client.get(server.url("/bye")).send().await.is_err());
        assert!(
            client
                .get(server.url("/nope"))
                .send()
                .await
                .unwrap()
                .status()
                == 404
        );
    }
}
