# Shared by search.sh and commands.sh (sourced, not run): the binaries and the generated libraries.
# Expects HERE (this folder) and ROOT (the repository) to be set; sets WORK, BIN and PARSE_ONLY.

WORK="$HERE/.work"
mkdir -p "$WORK"

# The debate binary: DEBATE_BIN, or .build/release/debate with SKIP_BUILD=1, or a fresh release build.
# shellcheck source=debate_bin.sh
source "$HERE/debate_bin.sh"
find_debate_binary "$(basename "$0")" "$ROOT"

# The baseline: libyaml's parser doing nothing with the events.
PARSE_ONLY="$WORK/parse_only"
if [[ ! -x "$PARSE_ONLY" || "$HERE/parse_only.c" -nt "$PARSE_ONLY" ]]; then
    # shellcheck disable=SC2046  # pkg-config prints several flags on purpose
    cc -O2 -o "$PARSE_ONLY" "$HERE/parse_only.c" $(pkg-config --cflags --libs yaml-0.1)
fi

# ensure_library DIR CARDS FILES SEED — generates the library unless DIR already holds exactly it.
ensure_library() {
    local dir="$1" cards="$2" files="$3" seed="$4" stamp
    stamp="cards=$cards files=$files seed=$seed generator=$(sha256sum "$HERE/generate.py" | cut -c1-16)"
    if [[ ! -f "$dir/stamp" || "$(cat "$dir/stamp")" != "$stamp" ]]; then
        echo "== generating $cards cards in $files files" >&2
        rm -rf "$dir"
        python3 "$HERE/generate.py" --cards "$cards" --files "$files" --seed "$seed" --out "$dir" >&2
        echo "$stamp" > "$dir/stamp"
    fi
}
