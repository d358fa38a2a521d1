# Sourced by the benchmark scripts: sets BIN to the `debate` binary to time.
#   DEBATE_BIN=path  use it;  SKIP_BUILD=1  use .build/release/debate when it exists;
#   otherwise `swift build -c release --product debate` from ROOT (its output goes to stderr).
# find_debate_binary SCRIPT_NAME ROOT
find_debate_binary() {
    local name="$1" root="$2"
    if [[ -n "${DEBATE_BIN:-}" ]]; then
        BIN="$DEBATE_BIN"
    elif [[ "${SKIP_BUILD:-}" == 1 && -x "$root/.build/release/debate" ]]; then
        BIN="$root/.build/release/debate"
    else
        echo "== swift build -c release --product debate" >&2
        (cd "$root" && swift build -c release --product debate) >&2
        BIN="$(cd "$root" && swift build -c release --show-bin-path)/debate"
    fi
    [[ -x "$BIN" ]] || { echo "$name: $BIN is not an executable file" >&2; exit 66; }
    BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
}
