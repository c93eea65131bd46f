# A private Virtuoso (Debian's virtuoso-opensource 7.2) for the tests: its
# own folder, a virtuoso.ini written here, both ports free ones on 127.0.0.1
# only. Sourced by tests/cli/virtuoso.sh and tests/cli/scale.sh.
#
#   virtuoso_start DIR   start it with its database in DIR (created); sets
#                        VIRT_PID, VIRT_SQL_PORT, VIRT_HTTP (http://127.0.0.1:PORT)
#   virtuoso_isql SQL    run SQL statements as dba (exit status 1 on an error)
#   virtuoso_sparql QUERY [ARGS]  a SELECT over the SPARQL protocol, CSV out
#   virtuoso_stop        stop it and wait until it is gone (safe to call twice)
#
# dba's password stays "dba": the server listens on loopback only and lives
# for one test run.
VIRTUOSO_BIN=${VIRTUOSO_BIN:-virtuoso-t}
VIRTUOSO_ISQL=${VIRTUOSO_ISQL:-isql-vt}
VIRT_PID=""
VIRT_PY=/usr/bin/python3 # Debian's starts fast; any python3 will do
[ -x "$VIRT_PY" ] || VIRT_PY=python3

virtuoso_installed() { command -v "$VIRTUOSO_BIN" >/dev/null && command -v "$VIRTUOSO_ISQL" >/dev/null; }

# A TCP port nobody listens on now (the kernel picks it).
virtuoso_free_port() {
  "$VIRT_PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

virtuoso_start() {
  local dir=$1
  mkdir -p "$dir/www" || return 1
  local http_port
  VIRT_SQL_PORT=$(virtuoso_free_port) && http_port=$(virtuoso_free_port) || return 1
  VIRT_HTTP="http://127.0.0.1:$http_port"
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$VIRT_SQL_PORT
DisableUnixSocket  = 1
ServerThreads      = 10
CheckpointInterval = 0
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
DirsAllowed        = ., $dir
ThreadCleanupInterval     = 0
ResourcesCleanupInterval  = 0

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir/www
ServerThreads        = 5
MaxClientConnections = 5
EnabledDavVSP        = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 120
MaxQueryCostEstimationTime = 400
EOF
  # +wait: return once the server is online (or has failed).
  (cd "$dir" && "$VIRTUOSO_BIN" -c "$dir/virtuoso.ini" +wait) >"$dir/start.out" 2>&1 || {
    tail -5 "$dir/virtuoso.log" "$dir/start.out" 2>/dev/null | sed 's/^/#   /'
    return 1
  }
  VIRT_PID=$(sed -n 's/^VIRT_PID=//p' "$dir/virtuoso.lck")
  [ -n "$VIRT_PID" ] || return 1
  # The Graph Store endpoints (/sparql-graph-crud, /sparql-graph-crud-auth)
  # and /sparql's Update need the SPARQL account to hold SPARQL_UPDATE.
  virtuoso_isql 'GRANT SPARQL_UPDATE TO "SPARQL";' >/dev/null
}

virtuoso_isql() {
  local out
  out=$("$VIRTUOSO_ISQL" "127.0.0.1:$VIRT_SQL_PORT" dba dba "exec=$1" 2>&1)
  if grep -q '^\*\*\* Error' <<<"$out"; then
    grep -A2 '^\*\*\* Error' <<<"$out" | sed 's/^/#   /' >&2
    return 1
  fi
  printf '%s\n' "$out"
}

virtuoso_sparql() { # QUERY [extra curl args]: CSV results on stdout
  local q=$1; shift
  curl -sS --fail -H 'Accept: text/csv' --data-urlencode "query=$q" "$@" "$VIRT_HTTP/sparql"
}

virtuoso_stop() {
  [ -n "$VIRT_PID" ] || return 0
  kill "$VIRT_PID" 2>/dev/null
  for _ in $(seq 1 100); do
    kill -0 "$VIRT_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -0 "$VIRT_PID" 2>/dev/null && kill -9 "$VIRT_PID" 2>/dev/null
  VIRT_PID=""
}
