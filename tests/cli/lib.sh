# Shared by the CLI test scripts: counters and checks.
# Each check prints "ok - NAME" or "not ok - NAME" and counts it.
PASS=0
FAIL=0
BUILD=${BUILD:-build}
ENTENTE="$BUILD/entente"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "#   $2"; return 0; }
check() { # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}
finish() {
  echo "$PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
