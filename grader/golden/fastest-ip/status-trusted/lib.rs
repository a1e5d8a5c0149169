//! Wrong: the race crowns the first 2xx response, and reads its body only afterwards.
mod given;

use std::net::IpAddr;

pub use given::{AllFailed, FetchError, Service, default_services};

/// Reads an answer that has already arrived.
async fn address_from(response: reqwest::Response, field: &str) -> Result<IpAddr, FetchError> {
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(status));
    }
    let json: serde_json::Value =
        serde_json::from_str(&response.text().await?).map_err(FetchError::NotJson)?;
    let value = json
        .get(field)
        .ok_or_else(|| FetchError::MissingField(field.to_string()))?;
    value
        .as_str()
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| FetchError::NotAnIp(value.to_string()))
}

pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    let response = client.get(&service.url).send().await?;
    address_from(response, &service.ip_attr).await
}

/// One spawned task per request, raced with `select_all` on their handles; the first 2xx wins
/// and the other tasks are aborted.
pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    let mut handles: Vec<_> = services
        .iter()
        .enumerate()
        .map(|(index, service)| {
            let request = client.get(&service.url).send();
            tokio::spawn(async move { (index, request.await) })
        })
        .collect();
    let mut failures = Vec::new();
    while !handles.is_empty() {
        let (joined, _, rest) = futures::future::select_all(handles).await;
        handles = rest;
        let Ok((index, answer)) = joined else {
            continue;
        };
        let service = &services[index];
        match answer {
            Ok(response) if response.status().is_success() => {
                for handle in &handles {
                    handle.abort();
                }
                return match address_from(response, &service.ip_attr).await {
                    Ok(ip) => Ok((service.name.clone(), ip)),
                    Err(error) => {
                        failures.push((service.name.clone(), error));
                        Err(AllFailed { failures })
                    }
                };
            }
            Ok(response) => {
                failures.push((service.name.clone(), FetchError::Status(response.status())))
            }
            Err(error) => failures.push((service.name.clone(), FetchError::Request(error))),
        }
    }
    Err(AllFailed { failures })
}

/// A loop over `select_all`, the same pattern on pages.
pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    let mut pending: Vec<_> = urls
        .iter()
        .map(|url| {
            Box::pin(async move {
                let response = client.get(url).send().await.ok()?.error_for_status().ok()?;
                Some((url.clone(), response.text().await.ok()?.chars().count()))
            })
        })
        .collect();
    while !pending.is_empty() {
        let (page, _, rest) = futures::future::select_all(pending).await;
        pending = rest;
        if let Some((url, chars)) = page
            && chars > min_chars
        {
            return Some((url, chars));
        }
    }
    None
}
