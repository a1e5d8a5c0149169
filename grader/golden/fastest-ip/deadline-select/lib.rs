//! Correct: a select! loop with an overall deadline of its own.
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
    use futures::StreamExt;
    let mut pending: futures::stream::FuturesUnordered<_> = services
        .iter()
        .map(|service| async move { (service, fetch_ip(client, service).await) })
        .collect();
    let deadline = tokio::time::sleep(std::time::Duration::from_secs(10));
    tokio::pin!(deadline);
    let mut failures = Vec::new();
    loop {
        tokio::select! {
            next = pending.next() => match next {
                Some((service, Ok(ip))) => return Ok((service.name.clone(), ip)),
                Some((service, Err(error))) => failures.push((service.name.clone(), error)),
                None => return Err(AllFailed { failures }),
            },
            () = &mut deadline => return Err(AllFailed { failures }),
        }
    }
}
