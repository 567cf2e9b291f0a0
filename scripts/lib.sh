# Shared helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

# The repository root, whatever the caller's working directory.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# cargo install puts binaries here; make them visible to this script and its children.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Print a progress line on stderr, prefixed with the calling script's name.
log() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

# Print an error on stderr and exit with status 1.
die() {
  log "error: $*"
  exit 1
}

# True when a command is on PATH.
have() {
  command -v "$1" >/dev/null 2>&1
}

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

# The version of a package as resolved in Cargo.lock, or nothing when it is not there.
cargo_lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$REPO_ROOT/Cargo.lock"
}

# The version a tool prints as the second word of `TOOL --version`, or nothing when it is missing.
tool_version() {
  if have "$1"; then
    "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }'
  fi
}

# Print the size of a file in bytes, raw and gzipped at level 9.
print_sizes() {
  local file="$1" raw gz
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%s: %d bytes raw, %d bytes gzipped\n' "${file#"$REPO_ROOT"/}" "$raw" "$gz"
}

# Runs `npm ci` in DIR when its node_modules is missing or older than its lock file; WHAT names the
# packages in the progress line.
npm_ci_when_stale() {
  local dir="$1" what="$2"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing $what"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}
