//! `fake-backlog [--port N] [--issues N] [--latency-ms N] [--tls --cert-dir DIR]`
//!
//! Serves `Model::generated(1, N)` with `--issues N`, else `Model::demo()`, prints one
//! line `{"base_url":"…","api_key":"…"}` to stdout, then serves until killed.

use fake_backlog::{FakeBacklog, Model};
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str =
    "usage: fake-backlog [--port N] [--issues N] [--latency-ms N] [--tls --cert-dir DIR]";

#[derive(Debug, Default)]
struct Args {
    port: u16,
    issues: Option<usize>,
    latency_ms: u64,
    tls: bool,
    cert_dir: Option<std::path::PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--port" => {
                args.port = value("--port")?
                    .parse()
                    .map_err(|e| format!("--port: {e}"))?
            }
            "--issues" => {
                args.issues = Some(
                    value("--issues")?
                        .parse()
                        .map_err(|e| format!("--issues: {e}"))?,
                )
            }
            "--latency-ms" => {
                args.latency_ms = value("--latency-ms")?
                    .parse()
                    .map_err(|e| format!("--latency-ms: {e}"))?
            }
            "--tls" => args.tls = true,
            "--cert-dir" => args.cert_dir = Some(value("--cert-dir")?.into()),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let space = match args.issues {
        Some(n) => Model::generated(1, n),
        None => Model::demo(),
    };
    let server = match start(space, &args).await {
        Ok(server) => server,
        Err(message) => {
            eprintln!("fake-backlog: {message}");
            return ExitCode::FAILURE;
        }
    };
    server
        .faults()
        .set_latency(Duration::from_millis(args.latency_ms));
    // Long-running use (benchmarks): count requests, do not keep them.
    server.set_recording(false);
    println!(
        "{}",
        serde_json::json!({"base_url": server.base_url(), "api_key": server.api_key()})
    );
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

async fn start(space: Model, args: &Args) -> Result<FakeBacklog, String> {
    if args.tls {
        #[cfg(feature = "tls")]
        {
            let dir = args
                .cert_dir
                .as_deref()
                .ok_or("--tls needs --cert-dir DIR")?;
            return FakeBacklog::start_tls(space, args.port, dir)
                .await
                .map_err(|e| e.to_string());
        }
        #[cfg(not(feature = "tls"))]
        return Err("--tls needs the binary built with `--features tls`".into());
    }
    if args.cert_dir.is_some() {
        return Err("--cert-dir only makes sense with --tls".into());
    }
    FakeBacklog::start_on_port(space, args.port)
        .await
        .map_err(|e| e.to_string())
}
