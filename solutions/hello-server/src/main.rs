//! Runs the server for real: `cargo run -p hello-server-solution`, then open
//! <http://127.0.0.1:8080/> or <http://127.0.0.1:8080/Мир> in a browser. Ctrl+C stops it
//! gracefully.

use std::io;

use tokio::net::TcpListener;

/// Where the server listens: this machine only.
const ADDRESS: &str = "127.0.0.1:8080";

#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind(ADDRESS).await?;
    println!("Listening on http://{ADDRESS}/ (Ctrl+C stops it)");
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
        println!("Stopping: answering the requests in flight");
    };
    hello_server_solution::serve(listener, ctrl_c).await?;
    println!("Stopped");
    Ok(())
}
