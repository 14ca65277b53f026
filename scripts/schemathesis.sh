#!/usr/bin/env bash
# Property-based tests of hyp-sandbox against the OpenAPI documents in openapi/, with
# schemathesis (PyPI): for each API, schemathesis generates requests from the document
# (valid ones and invalid ones), sends them to hyp-sandbox on loopback and checks every answer
# against the document (status codes, content types, schemas, that invalid requests are
# refused and valid ones accepted, 5xx never).
#
# Not part of .ci/run: installing schemathesis needs PyPI (once; the venv is reused). The run
# itself is offline: the sandbox listens on 127.0.0.1 and nothing else is contacted.
#
#   scripts/schemathesis.sh                  # every API, 120 s each
#   MAX_TIME=30 scripts/schemathesis.sh pay  # one API, 30 s
#
# Writes target/schemathesis/<api>.log (schemathesis' own report), <api>.junit.xml, and
# target/schemathesis/summary.md (per API: operations, test cases, checks, failures by kind).
# Exits 0 when the run completed, whatever it found (the findings are the output); non-zero
# when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

ST_VERSION=${ST_VERSION:-4.32.5}           # the schemathesis release this script was written for
VENV=${SCHEMATHESIS_VENV:-target/schemathesis/venv}
OUT=${OUT:-target/schemathesis}
MAX_TIME=${MAX_TIME:-120}                  # seconds of testing per API (schemathesis --max-time)
MAX_EXAMPLES=${MAX_EXAMPLES:-50}           # test cases per operation and phase
SEED=${SEED:-1}                            # same seed, same requests
CHECKS=${CHECKS:-all}
APIS=("$@")
[ ${#APIS[@]} -eq 0 ] && APIS=(hyper-erp mt5-manager pay creditguard)
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/st" ] || ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$ST_VERSION"; then
    echo "== installing schemathesis $ST_VERSION from PyPI into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "schemathesis==$ST_VERSION"
fi

echo "== building hyp-sandbox"
cargo build --quiet -p hyp-sandbox --locked
sandbox_log="$OUT/sandbox.log"
target/debug/hyp-sandbox --host 127.0.0.1 --port 0 > "$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
origin=""
for _ in $(seq 1 100); do
    origin=$(sed -n 's/^hyp-sandbox listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$sandbox_log")
    [ -n "$origin" ] && break
    sleep 0.1
done
[ -n "$origin" ] || { echo "hyp-sandbox did not start:"; cat "$sandbox_log"; exit 1; }
echo "== hyp-sandbox at $origin"

# The sandbox's default credentials (hyp-sandbox --help): the bearer APIs get theirs as a
# header; Hyp Pay's and CreditGuard's travel inside the generated request (see the summary).
auth_header() {
    case "$1" in
        hyper-erp) echo "Authorization: Bearer sandbox-access-token" ;;
        mt5-manager) echo "Authorization: Bearer sandbox-manager-key" ;;
    esac
}

summary="$OUT/summary.md"
{
    echo "# schemathesis $ST_VERSION against hyp-sandbox ($(git rev-parse --short HEAD))"
    echo
    echo "MAX_TIME=$MAX_TIME s per API, MAX_EXAMPLES=$MAX_EXAMPLES, SEED=$SEED, checks: $CHECKS"
    echo
} > "$summary"

for api in "${APIS[@]}"; do
    echo "== $api ($MAX_TIME s)"
    log="$OUT/$api.log"
    header=()
    h=$(auth_header "$api")
    [ -n "$h" ] && header=(-H "$h")
    status=0
    # The outer timeout only guards against a hang: --max-time bounds the run itself.
    timeout $((MAX_TIME + 120)) nice -n 5 "$VENV/bin/st" --config-file scripts/schemathesis.toml \
        --no-color run "openapi/$api.json" \
        --url "$origin/$api" "${header[@]}" \
        --checks "$CHECKS" --max-time "$MAX_TIME" --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
        --workers 1 --request-timeout 10 \
        --report junit --report-junit-path "$OUT/$api.junit.xml" \
        > "$log" 2>&1 || status=$?
    {
        echo "## $api (exit $status)"
        echo
        echo '```'
        sed -n '/^API Operations:/,/^Seed:/p' "$log"
        echo '```'
        echo
    } >> "$summary"
done
echo "== summary: $summary"
cat "$summary"
