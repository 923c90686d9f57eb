#!/usr/bin/env bash
# Wall time of the README's main command after the build: on the bundled churn sample, and on the churn sample
# scaled to N rows (default 1,000,000: the sample's rows repeated under new customer ids). Prints one line per case.
# Usage: bash bench/run-pipeline.sh [ROWS]   (e.g. 10000000: 389 s and 414 s, 1.55-1.66 GB peak on an idle 2-core machine in session 22; 428-686 s in sessions 19-21, before the trainer's own AUC, the faster channel load and the narrower change merge)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 NO_COLOR=1
dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Cli/bin/Release/net10.0/TrainingOrchestration.Cli.dll)
"${cli[@]}" run churn >/dev/null 2>&1           # warm the template cache, as a user's second run finds it

scaled=$(mktemp --suffix=.csv)
trap 'rm -f "$scaled"' EXIT
awk -v target="$rows" '
  NR == 1 { print; next }
  { rest[++n] = substr($0, index($0, ",")) }
  END { for (i = 0; i < target; i++) printf "C%07d%s\n", i + 1, rest[(i % n) + 1] }' pipelines/churn/sample/customers.csv > "$scaled"

measure() { # label, args...
  local label=$1; shift
  local start end status
  start=$(date +%s.%N)
  if /usr/bin/time -f '%M' -o /tmp/run-pipeline.rss "${cli[@]}" run churn "$@" > /tmp/run-pipeline.out 2>&1; then status=ok; else status="failed ($?)"; fi
  end=$(date +%s.%N)
  printf '%-28s wall %6.1f s   peak RSS %5d MB   %s   %s\n' "$label" "$(echo "$end - $start" | bc)" \
    $(( $(tail -n 1 /tmp/run-pipeline.rss) / 1024 )) "$status" "$(grep -oE '(PROMOTED|REJECTED|FAILED)[^│]*' /tmp/run-pipeline.out | head -n 1)"
}
measure "bundled sample (7,043 rows)"
measure "scaled ($rows rows)" --data "$scaled"
