# Shared by the project's scripts: installs what is missing, idempotently and quietly.
# Tools land in ~/.cargo/bin (wasm-bindgen) and .tools/ (wasm-opt from npm).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown ||
        { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
ensure_wasm_bindgen() {
    local want
    want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
        say "installing wasm-bindgen-cli $want (about 1.5 minutes, once)"
        # Not --locked: the registry mirror here lacks some locked transitive versions.
        # Only the `wasm-bindgen` binary, and without the TLS stack its test runner uses
        # to download browsers: 95 s instead of about 140 s on two cores.
        cargo install wasm-bindgen-cli --version "$want" --quiet \
            --no-default-features --bin wasm-bindgen
    fi
}

# Debian's binaryen (108) produces bundles that never hydrate; npm's 132 works.
ensure_wasm_opt() {
    if [ ! -x "$ROOT/.tools/node_modules/.bin/wasm-opt" ]; then
        say "installing wasm-opt (binaryen 132 from npm)"
        mkdir -p "$ROOT/.tools"
        (cd "$ROOT/.tools" && npm install --silent --no-audit --no-fund --prefix . binaryen@132 >/dev/null)
    fi
}

ensure_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
