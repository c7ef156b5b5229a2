#!/usr/bin/env bash
# Benchmarks of policy-lens (see BENCHMARKS.md): the native analysis with the limit side by side
# (one RegexSet pass of every rule pattern, a memchr scan), then the WebAssembly module the
# extension ships, under Node (cold start, per-policy time, memory, scaling, size).
#
#   ./bench.sh           the full run over every policy of the corpus (a few minutes)
#   ./bench.sh --quick   a smoke run over a handful of files (CI runs it so it cannot rot)
#
# Needs ./build.sh to have built pkg/web (it is run when pkg/web is missing) and the corpus
# (../shared/corpus/policies, or POLICY_LENS_CORPUS=DIR; --quick falls back to the four sample
# policies in tests/fixtures/samples when there is none).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

args=()
for arg in "$@"; do
  case "$arg" in
    --quick) args+=(--quick) ;;
    -h | --help)
      sed -n '2,11s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      printf 'bench.sh: unknown argument `%s` (see ./bench.sh --help)\n' "$arg" >&2
      exit 2
      ;;
  esac
done
corpus="${POLICY_LENS_CORPUS:-../shared/corpus/policies}"
if [[ ! -d "$corpus" ]]; then
  if [[ "${args[*]-}" == *--quick* ]]; then
    # A fresh clone without the shared corpus: the smoke run uses the four sample policies.
    printf 'bench.sh: no corpus at %s; the smoke run uses tests/fixtures/samples\n' "$corpus"
    corpus=tests/fixtures/samples
  else
    printf 'bench.sh: no corpus at %s (set POLICY_LENS_CORPUS=DIR)\n' "$corpus" >&2
    exit 2
  fi
fi
if [[ ! -f pkg/web/policy_lens_bg.wasm ]]; then
  ./build.sh
fi

printf '%s, %s, %s core(s), %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -m)" "$(nproc)" \
  "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
printf '%s, node %s, commit %s\n\n' "$(rustc --version)" "$(node --version)" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')"

cargo build --quiet --release --example bench
target/release/examples/bench --corpus "$corpus" "${args[@]}"
echo
node bench/wasm.mjs --corpus "$corpus" "${args[@]}"
