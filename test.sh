#!/usr/bin/env bash
# Runs every test of policy-lens. Installs what it needs (via ./build.sh: the wasm32 target,
# the pinned wasm-bindgen CLI, npm packages) and needs nothing installed by hand beyond
# rustup, node/npm and python3.
#
#   ./test.sh          formatting, lints, Rust tests (rules, samples, CLI, properties, adversarial
#                      texts, corpus checks), a 60 s fuzz run, the wasm build, the Node tests,
#                      the browser tests of the extension and the demo page in headless Chromium,
#                      a benchmark smoke run, and the accuracy report on ../shared (when present)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

# Debian's chromium drives the browser tests (never a downloaded browser).
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return
  fi
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  echo "installing Debian's chromium for the browser tests"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
}

step "rustfmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --check
cargo clippy --release --all-targets --quiet -- -D warnings

step "Rust tests (rules, samples, CLI, corpus checks when ../shared is present)"
cargo test --release --quiet

step "fuzzing: every target in fuzz/, 60 s in all (fuzz/README.md has the long runs)"
fuzz/run.sh 60

step "build: native CLI and WebAssembly package"
./build.sh

step "Node tests: wasm smoke test, extension and demo logic"
node --test tests/node/

step "benchmark smoke run (numbers only, no timing assertions; BENCHMARKS.md has the full run)"
./bench.sh --quick

step "browser tests: the real extension and demo page in headless Chromium"
ensure_chromium
node --test --test-concurrency=1 tests/e2e/

shared=${POLICY_LENS_SHARED:-../shared}
if [[ -f "$shared/tools/score.py" && -d "$shared/corpus/policies" ]]; then
  step "accuracy on the public labels (report, not a gate)"
  for labels in dev modern; do
    echo "-- $labels.json"
    python3 "$shared/tools/score.py" --labels "$shared/labels/$labels.json" \
      --corpus "$shared/corpus/policies" --cli target/release/policy-lens | grep -E '^(is_policy|tracking|sale|retention):|^score:'
  done
else
  step "SKIPPED accuracy report: no shared corpus at $shared (set POLICY_LENS_SHARED)"
fi
echo
echo "all tests passed"
