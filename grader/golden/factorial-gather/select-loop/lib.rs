//! Correct: a select! loop over three pinned futures, each disabled once it is done.
use std::time::Duration;

pub async fn factorial(name: &str, number: u64) -> u64 {
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        tokio::time::sleep(Duration::from_secs(1)).await;
        f *= i;
    }
    println!("Task {name}: factorial({number}) = {f}");
    f
}

pub async fn gather() -> [u64; 3] {
    let a = std::pin::pin!(factorial("A", 2));
    let b = std::pin::pin!(factorial("B", 3));
    let c = std::pin::pin!(factorial("C", 4));
    let (mut a, mut b, mut c) = (a, b, c);
    let (mut ra, mut rb, mut rc) = (None, None, None);
    while ra.is_none() || rb.is_none() || rc.is_none() {
        tokio::select! {
            value = &mut a, if ra.is_none() => ra = Some(value),
            value = &mut b, if rb.is_none() => rb = Some(value),
            value = &mut c, if rc.is_none() => rc = Some(value),
        }
    }
    [ra.unwrap(), rb.unwrap(), rc.unwrap()]
}
