#!/usr/bin/env bash
# Builds policy-lens: the native CLI (target/release/policy-lens) and the WebAssembly package,
# pkg/web (ES module for browsers, the extension and the demo page) and pkg/node (CommonJS, used
# by `node --test tests/node/`).
#
#   ./build.sh            install missing tools, build everything, wasm-opt, print the wasm size
#   ./build.sh --no-opt   the same without wasm-opt (faster, larger)
#   ./build.sh --serve    build everything, then serve the demo page on http://127.0.0.1:8080
#                         (PORT=... to change) until Ctrl-C; extension/ is ready to load unpacked
#
# Tools: the wasm32-unknown-unknown Rust target and the wasm-bindgen CLI at exactly the version
# of the wasm-bindgen crate in Cargo.lock are installed when missing; wasm-opt comes from the npm
# package `binaryen` (package.json). Debian's binaryen package is not used: its wasm-opt 108
# writes modules that throw at init.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly TARGET=wasm32-unknown-unknown
readonly WASM_IN="target/$TARGET/release/policy_lens.wasm"
readonly PKG_WEB=pkg/web
readonly PKG_NODE=pkg/node
readonly WASM_OPT=node_modules/.bin/wasm-opt
# Features rustc (1.95) enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
readonly WASM_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

# `cargo install` puts wasm-bindgen here; prefer it over any other copy on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OPT=1
SERVE=0

step() { printf '==> %s\n' "$*"; }
warn() { printf 'build.sh: warning: %s\n' "$*" >&2; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }

# --- tools ------------------------------------------------------------------------------------

# The version of a package in Cargo.lock (empty when absent).
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if [[ -d "$(rustc --print sysroot)/lib/rustlib/$TARGET" ]]; then
    return
  fi
  command -v rustup >/dev/null || die "the Rust target $TARGET is missing and rustup is not installed"
  step "adding the Rust target $TARGET"
  rustup target add "$TARGET"
}

# Needs Cargo.lock, so it runs after the wasm build has resolved the dependencies.
ensure_wasm_bindgen() {
  local want have
  want="$(lock_version wasm-bindgen)"
  [[ -n "$want" ]] || die "wasm-bindgen is not in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" == "$want" ]]; then
    return
  fi
  step "installing wasm-bindgen-cli $want${have:+ (found $have)}; this takes a few minutes once"
  # Not --locked: a dependency pinned in its lock file is missing from the registry mirror.
  cargo install --quiet wasm-bindgen-cli --version "=$want"
}

# wasm-opt from the npm package `binaryen`, pinned in package.json. Returns 1 when unavailable.
ensure_wasm_opt() {
  if ! command -v npm >/dev/null; then
    warn "npm not found: cannot install wasm-opt"
    return 1
  fi
  local want have
  want="$(node -p 'require("./package.json").devDependencies.binaryen')"
  have="$(node -p 'try { require("./node_modules/binaryen/package.json").version } catch { "" }')"
  if [[ "$have" != "$want" || ! -x "$WASM_OPT" ]]; then
    step "installing binaryen $want from npm (wasm-opt)"
    local cmd=install
    [[ -f package-lock.json ]] && cmd=ci
    if ! npm "$cmd" --no-audit --no-fund --loglevel=error >/dev/null; then
      warn "npm $cmd failed: cannot install wasm-opt"
      return 1
    fi
  fi
  [[ -x "$WASM_OPT" ]]
}

# --- build steps ------------------------------------------------------------------------------

build_native() {
  step "native CLI: cargo build --release"
  cargo build --quiet --release
}

build_wasm() {
  step "wasm: cargo build --release --target $TARGET --lib"
  cargo build --quiet --release --target "$TARGET" --lib
  ensure_wasm_bindgen
  step "wasm-bindgen: $PKG_WEB (--target web), $PKG_NODE (--target nodejs)"
  rm -rf "$PKG_WEB" "$PKG_NODE"
  wasm-bindgen --target web --out-dir "$PKG_WEB" "$WASM_IN"
  wasm-bindgen --target nodejs --out-dir "$PKG_NODE" "$WASM_IN"
  # Tell Node which module system each package uses (as wasm-pack does), whatever the root
  # package.json says.
  printf '{ "type": "module" }\n' >"$PKG_WEB/package.json"
  printf '{ "type": "commonjs" }\n' >"$PKG_NODE/package.json"
}

# wasm-opt -Oz takes most of a rebuild's time (≈30 s), so its output is cached by the hash of its
# input and options: an unchanged module is not optimized again.
readonly OPT_CACHE=target/wasm-opt-cache
OPT_USED=()

wasm_opt_cached() {
  local file="$1" key cached
  key="$( (sha256sum <"$file" && "$WASM_OPT" --version && echo -Oz "${WASM_FEATURES[@]}") | sha256sum | cut -c1-32)"
  cached="$OPT_CACHE/$key.wasm"
  if [[ ! -f "$cached" ]]; then
    mkdir -p "$OPT_CACHE"
    "$WASM_OPT" -Oz "${WASM_FEATURES[@]}" "$file" -o "$cached.tmp"
    mv "$cached.tmp" "$cached"
  fi
  cp "$cached" "$file"
  OPT_USED+=("$cached")
}

optimize_wasm() {
  # Both targets usually get the same module; the cache then optimizes it once.
  wasm_opt_cached "$PKG_WEB/policy_lens_bg.wasm"
  wasm_opt_cached "$PKG_NODE/policy_lens_bg.wasm"
  # Keep only what this build used.
  local f
  for f in "$OPT_CACHE"/*.wasm; do
    [[ " ${OPT_USED[*]} " == *" $f "* ]] || rm -f "$f"
  done
}

# Loads both packages in Node and analyzes a sentence: catches a module that wasm-opt broke.
check_pkg() {
  node -e '
    const m = require("./'"$PKG_NODE"'/policy_lens.js");
    const r = m.analyzeText("Privacy Policy\n\nWe do not sell your personal information.");
    if (r.version !== m.version() || !r.practices) throw new Error("unexpected report from pkg/node");'
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { initSync, analyzeText } from "./'"$PKG_WEB"'/policy_lens.js";
    initSync({ module: readFileSync("./'"$PKG_WEB"'/policy_lens_bg.wasm") });
    if (!analyzeText("Privacy Policy").practices) throw new Error("unexpected report from pkg/web");'
}

# "1,234,567 bytes (gzip -9: 345,678)"
size_of() {
  local raw gz
  raw="$(wc -c <"$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')"
  gz="$(gzip -9c "$1" | wc -c | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')"
  printf '%s bytes (gzip -9: %s)' "$raw" "$gz"
}

# --- the extension and the demo page -----------------------------------------------------------

# The browser package and the shared report view (ui/, one module renders a report for both the
# popup and the demo) are copied next to the pages that load them: an unpacked extension can only
# load files inside its own folder. The copies are build output (.gitignore).
stage_web() {
  local dir
  for dir in extension www; do
    [[ -d "$dir" ]] || continue
    rm -rf "$dir/pkg" "$dir/ui"
    mkdir -p "$dir/pkg"
    cp "$PKG_WEB/policy_lens.js" "$PKG_WEB/policy_lens_bg.wasm" "$PKG_WEB/package.json" "$dir/pkg/"
    [[ -d ui ]] && cp -R ui "$dir/ui"
  done
  return 0
}

# Zips of the extension for Chrome and Firefox in dist/ (owned by the extension's build step).
pack_extension() {
  [[ -f extension/manifest.json ]] || return 0
  [[ -f extension/tools/pack.mjs ]] || die "extension/tools/pack.mjs is missing"
  step "extension: dist/ zips for Chrome and Firefox"
  node extension/tools/pack.mjs
}

serve_demo() {
  local port="${PORT:-8080}"
  [[ -f www/index.html ]] || die "www/index.html is missing: nothing to serve"
  printf '\n    demo page:  http://127.0.0.1:%s/\n    extension:  load %s/extension unpacked (chrome://extensions, Developer mode)\n\n' \
    "$port" "$PWD"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
}

# --- main -------------------------------------------------------------------------------------

build() {
  ensure_wasm_target
  build_native
  build_wasm
  local before
  before="$(size_of "$PKG_WEB/policy_lens_bg.wasm")"
  if ((OPT)); then
    if ensure_wasm_opt; then
      step "wasm-opt -Oz (binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
      optimize_wasm
    else
      warn "wasm-opt is not available: the .wasm files are NOT optimized"
      OPT=0
    fi
  fi
  check_pkg
  if ((OPT)); then
    printf '%s: %s; before wasm-opt %s\n' "$PKG_WEB/policy_lens_bg.wasm" "$(size_of "$PKG_WEB/policy_lens_bg.wasm")" "$before"
  else
    printf '%s: %s (not optimized)\n' "$PKG_WEB/policy_lens_bg.wasm" "$before"
  fi
}

main() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --no-opt) OPT=0 ;;
      --serve) SERVE=1 ;;
      -h | --help)
        usage
        exit 0
        ;;
      *) die "unknown argument \`$arg\` (see ./build.sh --help)" ;;
    esac
  done
  local start=$SECONDS
  build
  stage_web
  pack_extension
  printf 'done in %ds: %s, %s/, %s/\n' $((SECONDS - start)) target/release/policy-lens "$PKG_WEB" "$PKG_NODE"
  if ((SERVE)); then
    serve_demo
  fi
}

main "$@"
