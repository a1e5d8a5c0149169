//! Wrong: does not compile (a u64 where a string is expected).
pub async fn factorial(name: &str, number: u64) -> u64 {
    let label: &str = number;
    println!("{name}{label}");
    1
}

pub async fn gather() -> [u64; 3] {
    todo!()
}
