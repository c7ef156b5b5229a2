#!/usr/bin/env bash
# Runs every fuzz target of policy-lens for a share of SECONDS (default 60 in all), one job
# at a time, and installs what it needs (cargo-fuzz). It uses the nightly toolchain when there
# is one, else the default toolchain: without a sanitizer, cargo-fuzz builds on stable too.
#
#   fuzz/run.sh          60 s in all (what CI runs)
#   fuzz/run.sh 1800     a long run: 10 minutes per target
#   FUZZ_TARGETS="html" fuzz/run.sh 300    only some targets
#
# The corpus grows in fuzz/corpus/TARGET (seeded from tests/fixtures, not committed). A crash
# stops the run with exit status 1; libFuzzer writes the input to fuzz/artifacts/TARGET/ and
# prints how to reproduce it (`cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-...`).
# Add each one as a named regression test in tests/adversarial.rs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 3)); then
  echo "usage: fuzz/run.sh [SECONDS]   (total time, at least 3)" >&2
  exit 2
fi
targets=(${FUZZ_TARGETS:-analyze_text html analyze_blocks})
per=$((seconds / ${#targets[@]}))

toolchain=()
if rustup run nightly rustc --version >/dev/null 2>&1; then
  toolchain=(+nightly)
else
  echo "no nightly toolchain: fuzzing with the default one"
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --version 0.13.2
fi

echo "building the fuzz targets"
cargo "${toolchain[@]}" fuzz build --sanitizer none

for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  if [[ -z $(ls -A "$corpus") ]]; then
    case $t in
      html) cp tests/fixtures/html/*.html "$corpus"/ ;;
      *) cp tests/fixtures/samples/*.txt tests/fixtures/not_policy/*.txt "$corpus"/ ;;
    esac
  fi
  echo "== fuzzing $t for ${per}s"
  log=$(mktemp)
  # No sanitizer: the crate forbids unsafe code, and plain builds run about 4x more inputs
  # (debug assertions stay on). -timeout: an input that takes over 10 s is a hang (the
  # analysis is meant to be linear in its input).
  if ! cargo "${toolchain[@]}" fuzz run --sanitizer none "$t" "$corpus" -- \
    -max_total_time="$per" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/policy.dict -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    rm -f "$log"
    echo "fuzz target $t FAILED: see fuzz/artifacts/$t/" >&2
    exit 1
  fi
  execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
  echo "$t: $execs executions in ${per}s, no crash (${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) inputs)"
  rm -f "$log"
done
