# Sourced by the benchmark scripts: sets BIN to the `debate` binary to time.
#   DEBATE_BIN=path  use it;  SKIP_BUILD=1  use .build/release/debate when it exists;
#   otherwise `swift build -c release --product debate` from ROOT (its output goes to stderr), on
#   Linux with `--static-swift-stdlib`, as README's "Set up" advises for a fast binary: the static
#   Swift runtime and Foundation start in a fraction of the time of the shared ones (measured: a
#   search of a million cards 20 ms of CPU against 25 ms; `debate --version` 5 ms against 9 ms).
# find_debate_binary SCRIPT_NAME ROOT
find_debate_binary() {
    local name="$1" root="$2"
    if [[ -n "${DEBATE_BIN:-}" ]]; then
        BIN="$DEBATE_BIN"
    elif [[ "${SKIP_BUILD:-}" == 1 && -x "$root/.build/release/debate" ]]; then
        BIN="$root/.build/release/debate"
    else
        local static=()
        [[ "$(uname -s)" == Linux ]] && static=(--static-swift-stdlib)
        echo "== swift build -c release --product debate ${static[*]}" >&2
        (cd "$root" && swift build -c release --product debate "${static[@]}") >&2
        BIN="$(cd "$root" && swift build -c release "${static[@]}" --show-bin-path)/debate"
    fi
    [[ -x "$BIN" ]] || { echo "$name: $BIN is not an executable file" >&2; exit 66; }
    BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
}
