use backlog_mcp::app::cli::Cli;
use backlog_mcp::app::composition;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => {
            let code = runtime.block_on(composition::run(cli));
            // Everything is written by now. A read of stdin may still be
            // blocked on a thread (the client keeps it open): do not wait for it.
            runtime.shutdown_background();
            code
        }
        Err(error) => {
            eprintln!("backlog-mcp: cannot start the async runtime: {error}");
            ExitCode::FAILURE
        }
    }
}
