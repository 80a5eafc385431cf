#!/usr/bin/env bash
# A local Prefect server on 127.0.0.1 with its UI, and the newsetl deployments served to it.
# Ctrl-C stops both. PREFECT_UI_PORT changes the port (default 4200).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PREFECT_UI_PORT:-4200}"
export PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
export PREFECT_API_URL="http://127.0.0.1:${port}/api"
log="$(mktemp -t newsetl-prefect-server.XXXXXX.log)"
# A session of its own: Ctrl-C reaches `newsetl serve` first, which then tells the server it stops.
setsid .venv/bin/prefect server start --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT INT TERM
.venv/bin/python - "$PREFECT_API_URL/health" "$server" "$log" <<'PY'
import os, sys, time, urllib.request
url, pid, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for _ in range(240):
    try:
        urllib.request.urlopen(url, timeout=2)
        sys.exit(0)
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(f"prefect server stopped while starting; its log: {log}")
        time.sleep(0.5)
sys.exit(f"prefect server did not answer at {url} within 2 minutes; its log: {log}")
PY
echo "Prefect UI: http://127.0.0.1:${port}   (API ${PREFECT_API_URL}; server log ${log})"
echo "Deployments: ingest/nightly and ingest/manual. Ctrl-C stops the server and the deployments."
.venv/bin/newsetl serve
