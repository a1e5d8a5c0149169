use std::time::Duration;

pub async fn hello_world() {
    println!("hello");
    std::thread::sleep(Duration::from_secs(1));
    println!("world");
}
