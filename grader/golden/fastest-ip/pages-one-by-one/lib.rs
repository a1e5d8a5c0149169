//! Wrong: the pages go through `stream::iter(..).then(..)`, one request at a time.
mod given;

use std::net::IpAddr;

use futures::StreamExt;

pub use given::{AllFailed, FetchError, Service, default_services};

pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    let response = client.get(&service.url).send().await?;
    match response.status() {
        status if status.is_success() => {}
        status => return Err(FetchError::Status(status)),
    }
    let json = match serde_json::from_str::<serde_json::Value>(&response.text().await?) {
        Ok(json) => json,
        Err(error) => return Err(FetchError::NotJson(error)),
    };
    match json.get(&service.ip_attr) {
        None => Err(FetchError::MissingField(service.ip_attr.clone())),
        Some(serde_json::Value::String(text)) => {
            text.parse().map_err(|_| FetchError::NotAnIp(text.clone()))
        }
        Some(other) => Err(FetchError::NotAnIp(other.to_string())),
    }
}

/// All the requests at once, at most as many in flight as there are services.
pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    let mut answers = futures::stream::iter(services)
        .map(|service| async move { (service, fetch_ip(client, service).await) })
        .buffer_unordered(services.len().max(1));
    let mut failures = Vec::new();
    while let Some((service, answer)) = answers.next().await {
        match answer {
            Ok(ip) => return Ok((service.name.clone(), ip)),
            Err(error) => failures.push((service.name.clone(), error)),
        }
    }
    Err(AllFailed { failures })
}

/// Looks like a stream of pages, but `then` awaits each page before it asks for the next.
pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    let pages = futures::stream::iter(urls)
        .then(|url| async move {
            let response = client.get(url).send().await.ok()?.error_for_status().ok()?;
            Some((url.clone(), response.text().await.ok()?.chars().count()))
        })
        .filter_map(|page| async move { page })
        .filter(|(_, chars)| std::future::ready(*chars > min_chars));
    std::pin::pin!(pages).next().await
}
