//! Side by side with the official Node server (npm `backlog-mcp-server`),
//! both against the same local fake Backlog over TLS (the official server
//! speaks only https): spawn → initialize, get-one-issue latency, bytes of a
//! 100-issue answer, peak RSS. Needs node/npm and the fake built with TLS;
//! `bench/compare-official.sh` prepares everything and runs this. Skips itself
//! with a message when something is missing. Not part of CI.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{Samples, StdioServer, ms};

const OFFICIAL: &str = "backlog-mcp-server@0.20.4";
const STARTS: usize = 10;
const CALLS: usize = 30;

struct Contender {
    name: &'static str,
    program: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

impl Contender {
    fn spawn(&self) -> StdioServer {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        StdioServer::spawn(&self.program, &args, &env)
    }
}

fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn text_bytes(answer: &Value) -> usize {
    answer["result"]["content"][0]["text"]
        .as_str()
        .map_or(0, str::len)
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fake = std::env::var("FAKE_BACKLOG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("target/release/fake-backlog"));
    if !fake.exists() {
        println!(
            "skipped: {} is missing; run bench/compare-official.sh",
            fake.display()
        );
        return;
    }
    if !available("node") || !available("npm") {
        println!("skipped: node and npm are needed to run the official server");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let install = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--prefix",
        ])
        .arg(scratch.path())
        .arg(OFFICIAL)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let entry = scratch
        .path()
        .join("node_modules/backlog-mcp-server/build/index.js");
    if !install.is_ok_and(|s| s.success()) || !entry.exists() {
        println!("skipped: could not install {OFFICIAL} from the npm registry");
        return;
    }

    let certs = scratch.path().join("certs");
    std::fs::create_dir_all(&certs).unwrap();
    let mut fake_process = Command::new(&fake)
        .args(["--tls", "--port", "0", "--issues", "500", "--cert-dir"])
        .arg(&certs)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(fake_process.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let served: Value = serde_json::from_str(&first).unwrap();
    let base_url = served["base_url"].as_str().unwrap().to_owned();
    let api_key = served["api_key"].as_str().unwrap().to_owned();
    let cert = certs.join("cert.pem").display().to_string();
    let domain = base_url.trim_start_matches("https://").to_owned();

    let official_env = vec![
        ("BACKLOG_DOMAIN".to_owned(), domain),
        ("BACKLOG_API_KEY".to_owned(), api_key.clone()),
        ("NODE_EXTRA_CA_CERTS".to_owned(), cert.clone()),
    ];
    let contenders = [
        Contender {
            name: "backlog-mcp (this)",
            program: support::BINARY.to_owned(),
            args: Vec::new(),
            env: vec![
                ("BACKLOG_BASE_URL".to_owned(), base_url),
                ("BACKLOG_API_KEY".to_owned(), api_key),
                ("SSL_CERT_FILE".to_owned(), cert),
            ],
        },
        Contender {
            name: "official (node)",
            program: "node".to_owned(),
            args: vec![entry.display().to_string()],
            env: official_env.clone(),
        },
        Contender {
            name: "official (npx -y)",
            program: "npx".to_owned(),
            args: vec!["-y".to_owned(), OFFICIAL.to_owned()],
            env: official_env,
        },
    ];

    println!("Against a local fake Backlog over TLS (500 issues), {STARTS} starts, {CALLS} calls");
    println!("| | spawn → initialize (p50) | get_issue (p50) | 100-issue answer | peak RSS |");
    println!("|---|---|---|---|---|");
    for contender in &contenders {
        let starts: Vec<Duration> = (0..STARTS)
            .map(|_| {
                let started = Instant::now();
                let server = contender.spawn();
                let elapsed = started.elapsed();
                drop(server);
                elapsed
            })
            .collect();
        let startup = Samples::new(starts);
        if contender.name.contains("npx") {
            println!(
                "| {} | {:.0} ms | | | |",
                contender.name,
                ms(startup.percentile(50))
            );
            continue;
        }
        let mut server = contender.spawn();
        let issue = json!({"issueKey": "GEN1-1"});
        server.call("get_issue", issue.clone());
        let latency = Samples::new(
            (0..CALLS)
                .map(|_| server.call("get_issue", issue.clone()).2)
                .collect(),
        );
        let (list, wire, _) = server.call(
            "get_issues",
            json!({"projectId": [1_100_000_000_i64], "count": 100}),
        );
        let rss = server.peak_rss_kib();
        println!(
            "| {} | {:.1} ms | {:.2} ms | {} B text ({} B on the wire) | {:.1} MiB |",
            contender.name,
            ms(startup.percentile(50)),
            ms(latency.percentile(50)),
            text_bytes(&list),
            wire,
            rss as f64 / 1024.0
        );
    }
    let _ = fake_process.kill();
    let _ = fake_process.wait();
}
