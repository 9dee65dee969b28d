use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Kills the child even when an assertion fails.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn binary_prints_its_address_and_serves() {
    let mut child = Child(
        Command::new(env!("CARGO_BIN_EXE_fake-backlog"))
            .args(["--port", "0", "--issues", "250", "--latency-ms", "1"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let hello: serde_json::Value = serde_json::from_str(&line).unwrap();
    let base = hello["base_url"].as_str().unwrap();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let key = hello["api_key"].as_str().unwrap();
    let count = crate::send(
        crate::client()
            .get(format!("{base}/api/v2/issues/count"))
            .header("Backlog-API-Key", key),
    )
    .await;
    assert_eq!(count.json()["count"], 250);
}

#[test]
fn binary_rejects_unknown_arguments() {
    let status = Command::new(env!("CARGO_BIN_EXE_fake-backlog"))
        .arg("--bogus")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}
