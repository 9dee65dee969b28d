#!/usr/bin/env bash
# The code figures ARCHITECTURE.md keeps: product code against Backlog simulator
# code, source files over 400 lines, and (where the team's `duplicates` tool is
# installed) repeated code in src/. Run from anywhere: ./bench/figures.sh
# With --ci it also times .ci/run on a clean clone (cold: its own target dir).
set -euo pipefail
cd "$(dirname "$0")/.."

# Non-blank lines of .rs files; with `code`, a file counts only up to its first
# `#[cfg(test)]` (its unit tests are not product code).
count() {
  local mode=$1; shift
  local files
  files=$(find "$@" -name '*.rs' 2>/dev/null | sort)
  [ -z "$files" ] && { echo 0; return; }
  # shellcheck disable=SC2086
  awk -v mode="$mode" '
    FNR == 1 { in_tests = 0 }
    mode == "code" && /^[[:space:]]*#\[cfg\(test\)\]/ { in_tests = 1 }
    !in_tests && NF > 0 { n++ }
    END { print n + 0 }' $files
}

# Product: src/ outside the memory adapter, without test files or test modules.
product_files=$(find src -name '*.rs' -not -path 'src/adapters/memory/*' \
  -not -name '*tests.rs' -not -path '*/tests/*' | sort)
# shellcheck disable=SC2086
product=$(awk '
  FNR == 1 { in_tests = 0 }
  /^[[:space:]]*#\[cfg\(test\)\]/ { in_tests = 1 }
  !in_tests && NF > 0 { n++ }
  END { print n + 0 }' $product_files)

memory=$(count all src/adapters/memory)
facade=$(count all tests/fake-backlog)
contract=$(count all tests/contract)
simulator=$((memory + facade))

echo "== Backlog simulator code against product code (non-blank lines)"
echo "product code (src/ without the memory adapter, tests left out): $product"
echo "memory model with its tests: $memory"
echo "fake Backlog (tests/fake-backlog) with its tests: $facade"
awk -v s="$simulator" -v p="$product" \
  'BEGIN { printf "simulator / product: %d / %d = %.2fx\n", s, p, s / p }'
echo "contract suite (tests/contract, runs both adapters): $contract"

echo
echo "== source files over 400 lines"
find src tests benches -name '*.rs' -print0 | xargs -0 wc -l | sort -rn |
  awk '$2 != "total" && $1 > 400 { print; n++ } END { print n + 0 " file(s)" }'

if command -v duplicates >/dev/null; then
  echo
  echo "== repeated code in src/ (pairs of places sharing 6+ lines of the same shape)"
  (cd src && duplicates --seconds 300 --most 1 | head -1)
fi

if [ "${1:-}" = "--ci" ]; then
  echo
  echo "== .ci/run on a clean clone"
  clone=$(mktemp -d)
  git clone -q . "$clone"
  start=$(date +%s)
  (cd "$clone" && CARGO_TARGET_DIR="$clone/target" .ci/run >/dev/null)
  echo ".ci/run: $(($(date +%s) - start)) s"
  rm -rf "$clone"
fi
