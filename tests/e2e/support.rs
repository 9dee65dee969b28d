//! Spawning the built server and talking to it: with rmcp's client, or raw lines.

use rmcp::model::{
    CallToolRequestParams, CallToolResult, ClientCapabilities, ClientConfig, Implementation,
    ProtocolVersion,
};
use rmcp::service::RunningService;
use rmcp::transport::TokioChildProcess;
use rmcp::{RoleClient, ServiceExt};
use serde_json::{Map, Value};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use tokio::io::AsyncReadExt;
use tokio::process::Command;

pub const BINARY: &str = env!("CARGO_BIN_EXE_backlog-mcp");

/// A distinctive key: tests assert it never shows up in any output.
pub const SECRET_KEY: &str = "sk-e2e-7c4f1a9b3d2e8f60";

pub type Client = RunningService<RoleClient, ClientConfig>;

/// The server's environment: nothing inherited from the developer's shell, and
/// a scratch working directory so no stray `.env` is read.
pub struct ServerEnv {
    vars: Vec<(String, String)>,
    workdir: tempfile::TempDir,
}

impl ServerEnv {
    pub fn demo() -> Self {
        Self {
            vars: vec![("RUST_LOG".into(), "info".into())],
            workdir: tempfile::tempdir().unwrap(),
        }
    }

    /// A real-space configuration pointing at `base_url`.
    pub fn space(base_url: &str, api_key: &str) -> Self {
        Self::demo()
            .var("BACKLOG_BASE_URL", base_url)
            .var("BACKLOG_API_KEY", api_key)
    }

    pub fn var(mut self, name: &str, value: &str) -> Self {
        self.vars.push((name.into(), value.into()));
        self
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(BINARY);
        command.env_clear().current_dir(self.workdir.path());
        for (name, value) in &self.vars {
            command.env(name, value);
        }
        command
    }

    pub fn workdir(&self) -> &std::path::Path {
        self.workdir.path()
    }
}

/// Everything the server wrote to stderr so far.
#[derive(Clone, Default)]
pub struct Stderr(Arc<Mutex<String>>);

impl Stderr {
    pub fn text(&self) -> String {
        self.0.lock().unwrap().clone()
    }
}

pub struct Running {
    pub client: Client,
    pub stderr: Stderr,
    _env: ServerEnv,
}

impl Running {
    pub async fn call(&self, tool: &str, arguments: Value) -> CallToolResult {
        let Value::Object(arguments) = arguments else {
            panic!("arguments must be an object");
        };
        self.client
            .call_tool(CallToolRequestParams::new(tool.to_owned()).with_arguments(arguments))
            .await
            .unwrap()
    }

    /// The names in `tools/list`.
    pub async fn tool_names(&self) -> Vec<String> {
        self.client
            .list_all_tools()
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.name.to_string())
            .collect()
    }

    pub async fn stop(self) -> String {
        self.client.cancel().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        self.stderr.text()
    }
}

pub fn client_config(version: ProtocolVersion) -> ClientConfig {
    ClientConfig::new(
        ClientCapabilities::default(),
        Implementation::new("backlog-mcp-e2e", "1.0"),
    )
    .with_protocol_version(version)
}

pub async fn start(env: ServerEnv) -> Running {
    start_with(env, client_config(ProtocolVersion::V_2025_06_18)).await
}

/// Starts the server with command-line arguments.
pub async fn start_with_args(env: ServerEnv, args: &[&str]) -> Running {
    let mut command = env.command();
    command.args(args);
    spawn(env, command, client_config(ProtocolVersion::V_2025_06_18)).await
}

pub async fn start_with(env: ServerEnv, config: ClientConfig) -> Running {
    let command = env.command();
    spawn(env, command, config).await
}

async fn spawn(env: ServerEnv, command: Command, config: ClientConfig) -> Running {
    let (transport, stderr_pipe) = TokioChildProcess::builder(command)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Stderr::default();
    if let Some(mut pipe) = stderr_pipe {
        let sink = stderr.clone();
        tokio::spawn(async move {
            let mut buffer = [0_u8; 4096];
            while let Ok(n) = pipe.read(&mut buffer).await {
                if n == 0 {
                    break;
                }
                sink.0
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
    }
    let client = config.serve(transport).await.unwrap();
    Running {
        client,
        stderr,
        _env: env,
    }
}

/// The text of a tool result's content blocks.
pub fn text(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn structured(result: &CallToolResult) -> Map<String, Value> {
    assert_ne!(
        result.is_error,
        Some(true),
        "unexpected error: {}",
        text(result)
    );
    match result.structured_content.clone() {
        Some(Value::Object(map)) => map,
        other => panic!("expected structured content, got {other:?}"),
    }
}

/// Asserts an `isError` result and returns its text.
pub fn error_text(result: &CallToolResult) -> String {
    assert_eq!(
        result.is_error,
        Some(true),
        "expected an error, got {}",
        text(result)
    );
    text(result)
}

/// A value shortened for a test message.
pub fn excerpt(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
