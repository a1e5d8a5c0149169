//! Wrong: the losers are left running after the winner is returned.
mod given;

use std::net::IpAddr;

pub use given::{AllFailed, FetchError, Service, default_services};

pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    let response = client.get(&service.url).send().await?;
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response.text().await?;
    let json: serde_json::Value = serde_json::from_str(&body).map_err(FetchError::NotJson)?;
    let value = json
        .get(&service.ip_attr)
        .ok_or_else(|| FetchError::MissingField(service.ip_attr.clone()))?;
    let text = value.as_str().ok_or_else(|| FetchError::NotAnIp(value.to_string()))?;
    text.parse().map_err(|_| FetchError::NotAnIp(text.to_string()))
}

pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    use futures::StreamExt;
    let mut pages: futures::stream::FuturesUnordered<_> = urls
        .iter()
        .map(|url| async move {
            let text = client.get(url).send().await?.error_for_status()?.text().await?;
            Ok::<_, reqwest::Error>((url.clone(), text))
        })
        .collect();
    while let Some(page) = pages.next().await {
        if let Ok((url, text)) = page {
            let chars = text.chars().count();
            if chars > min_chars {
                return Some((url, chars));
            }
        }
    }
    None
}

pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(services.len().max(1));
    for service in services.iter().cloned() {
        let (client, sender) = (client.clone(), sender.clone());
        tokio::spawn(async move {
            let result = fetch_ip(&client, &service).await;
            let _ = sender.send((service.name, result)).await;
        });
    }
    drop(sender);
    let mut failures = Vec::new();
    while let Some((name, result)) = receiver.recv().await {
        match result {
            Ok(ip) => return Ok((name, ip)),
            Err(error) => failures.push((name, error)),
        }
    }
    Err(AllFailed { failures })
}
