#!/usr/bin/env bash
# Side by side with the official Node server (npm backlog-mcp-server): builds the
# fake Backlog with TLS and runs the comparison benchmark. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "skipped: node and npm are needed to run the official server"
  exit 0
fi
cargo build --release -p fake-backlog --features tls
cargo bench --bench vs_official
