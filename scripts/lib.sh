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

# The browser bundle: the wasm build (release profile `wasm-release`, compiled in
# target/wasm), wasm-bindgen, wasm-opt -Oz, the stylesheet, gzip and brotli copies, all in
# target/site/pkg/<content hash>/, named by target/site/build-id. On a fresh machine the
# wasm-bindgen CLI is built beside the wasm. When the compiled wasm has not changed since
# the last bundle, the post-processing is skipped. Callers first run ensure_wasm_target
# and ensure_wasm_opt, where their messages show, and create target/.
build_bundle() {
    ensure_wasm_bindgen > "$ROOT/target/wasm-bindgen-install.log" 2>&1 &
    local bindgen_install=$!
    CARGO_TARGET_DIR="$ROOT/target/wasm" cargo build --quiet -p florin-app --lib \
        --target wasm32-unknown-unknown --no-default-features --features hydrate \
        --profile wasm-release
    if ! wait "$bindgen_install"; then
        cat "$ROOT/target/wasm-bindgen-install.log" >&2
        return 1
    fi

    local site="$ROOT/target/site"
    local wasm="$ROOT/target/wasm/wasm32-unknown-unknown/wasm-release/florin_app.wasm"
    local input
    input="$(cat "$wasm" style/main.css | sha256sum | cut -c1-64)"
    if [ -f "$site/build-id" ] && [ -d "$site/pkg/$(cat "$site/build-id")" ] &&
        [ "$(cat "$site/bundle-input" 2>/dev/null)" = "$input" ]; then
        cp -r public/. "$site/"
        return 0
    fi

    local stage="$ROOT/target/site-stage"
    rm -rf "$stage"
    mkdir -p "$stage" "$site/pkg"
    wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name florin "$wasm"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        "$stage/florin_bg.wasm" -o "$stage/florin.wasm"
    rm "$stage/florin_bg.wasm"
    cp style/main.css "$stage/florin.css"

    # The bundle's folder is named after its content, so browsers may cache it for a year.
    local build_id
    build_id="$(cat "$stage"/florin.js "$stage"/florin.wasm "$stage"/florin.css | sha256sum | cut -c1-16)"
    for f in "$stage"/florin.js "$stage"/florin.wasm "$stage"/florin.css; do
        gzip -9 -k -f "$f"
        if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
    done
    find "$site/pkg" -mindepth 1 -maxdepth 1 ! -name "$build_id" -exec rm -rf {} +
    rm -rf "$site/pkg/$build_id"
    mv "$stage" "$site/pkg/$build_id"
    echo "$build_id" > "$site/build-id"
    echo "$input" > "$site/bundle-input"
    cp -r public/. "$site/"
}

# The server binary, target/<profile>/florin; `dev` shares compiled dependencies with
# `cargo test`.
build_server() {
    local profile="$1"
    cargo build --quiet -p florin-server --profile "$profile"
}
