use crate::support::{BINARY, ServerEnv, start_with_args};

#[tokio::test]
async fn version_and_help_work_without_configuration() {
    let version = ServerEnv::demo()
        .command()
        .arg("--version")
        .output()
        .await
        .unwrap();
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        concat!("backlog-mcp ", env!("CARGO_PKG_VERSION"))
    );
    let help = ServerEnv::demo()
        .command()
        .arg("--help")
        .output()
        .await
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("BACKLOG_API_KEY") && help.contains("--backend"),
        "{help}"
    );
    assert!(!BINARY.is_empty());
}

#[tokio::test]
async fn the_backlog_backend_without_settings_exits_naming_each_missing_variable() {
    let output = ServerEnv::demo()
        .var("BACKLOG_BACKEND", "backlog")
        .command()
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("BACKLOG_API_KEY is not set"), "{stderr}");
    assert!(stderr.contains("BACKLOG_DOMAIN"), "{stderr}");
}

#[tokio::test]
async fn a_dotenv_file_in_the_working_directory_configures_the_server() {
    let env = ServerEnv::demo();
    std::fs::write(
        env.workdir().join(".env"),
        "BACKLOG_TIMEZONE=Nowhere/Land\n",
    )
    .unwrap();
    let output = env.command().output().await.unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("BACKLOG_TIMEZONE: unknown timezone \"Nowhere/Land\""),
        "{stderr}"
    );
}

#[tokio::test]
async fn the_official_servers_flags_keep_working() {
    let server = start_with_args(
        ServerEnv::demo(),
        &[
            "--optimize-response",
            "--transport",
            "stdio",
            "--enable-toolsets",
            "space",
            "--enable-toolsets",
            "project",
            "--max-tokens",
            "50000",
        ],
    )
    .await;
    let names = server.tool_names().await;
    server.stop().await;
    assert!(names.contains(&"get_space".to_owned()), "{names:?}");
    assert!(names.contains(&"get_project".to_owned()), "{names:?}");
    assert!(!names.contains(&"get_issues".to_owned()), "{names:?}");

    let http = ServerEnv::demo()
        .command()
        .args(["--transport", "http"])
        .output()
        .await
        .unwrap();
    assert_eq!(http.status.code(), Some(2));
    assert!(http.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&http.stderr);
    assert!(stderr.contains("possible values: stdio"), "{stderr}");
}
