//! Wrong: when the body is not the JSON expected, fetch_ip searches it for an address.
mod given;

use std::net::IpAddr;

pub use given::{AllFailed, FetchError, Service, default_services};

/// The first word of `text` that reads as an IP address.
fn address_in(text: &str) -> Option<IpAddr> {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':'))
        .find_map(|word| word.parse().ok())
}

pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    let response = client.get(&service.url).send().await?;
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response.text().await?;
    let json: serde_json::Value = match serde_json::from_str(&body) {
        Ok(json) => json,
        // Some services answer in plain text or HTML: look for the address in it.
        Err(error) => return address_in(&body).ok_or(FetchError::NotJson(error)),
    };
    let Some(value) = json.get(&service.ip_attr) else {
        return address_in(&body).ok_or_else(|| FetchError::MissingField(service.ip_attr.clone()));
    };
    let text = value
        .as_str()
        .ok_or_else(|| FetchError::NotAnIp(value.to_string()))?;
    text.parse()
        .map_err(|_| FetchError::NotAnIp(text.to_string()))
}

/// A loop over `select_all`: each turn takes the first request to finish, and keeps the rest.
pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    let mut pending: Vec<_> = services
        .iter()
        .map(|service| Box::pin(async move { (service, fetch_ip(client, service).await) }))
        .collect();
    let mut failures = Vec::new();
    while !pending.is_empty() {
        let ((service, answer), _, rest) = futures::future::select_all(pending).await;
        match answer {
            Ok(ip) => return Ok((service.name.clone(), ip)),
            Err(error) => failures.push((service.name.clone(), error)),
        }
        pending = rest;
    }
    Err(AllFailed { failures })
}

/// Every page in a task of its own; the first long one wins, and dropping the set aborts the rest.
pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    let mut tasks = tokio::task::JoinSet::new();
    for url in urls {
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let text = client
                .get(&url)
                .send()
                .await?
                .error_for_status()?
                .text()
                .await?;
            Ok::<_, reqwest::Error>((url, text.chars().count()))
        });
    }
    while let Some(done) = tasks.join_next().await {
        if let Ok(Ok((url, chars))) = done
            && chars > min_chars
        {
            return Some((url, chars));
        }
    }
    None
}
