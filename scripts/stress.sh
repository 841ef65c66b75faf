#!/usr/bin/env bash
# `npm run test:stress`: the whole suite (unit and e2e projects) several times in a row on a
# machine kept busy on purpose, stopping at the first failing run. A suite whose tests wait on
# events passes here as it does on an idle machine; one that races a wall clock does not.
#
# Busy means both: jest with more workers than cores, and CPU-burning child processes (one per
# core by default) competing with every test for the whole time.
#
#   scripts/stress.sh [--runs N] [--workers N] [--burners N] [-- <jest arguments, e.g. test paths>]
#   env: REDIS_TASK_STRESS_RUNS (3), REDIS_TASK_STRESS_WORKERS (6), REDIS_TASK_STRESS_BURNERS (cores)
#
# Prints each run's wall time and its passed/failed/total test counts, then a summary; exits 1
# at the first run with a failure (naming the failed tests), 0 when every run passed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${REDIS_TASK_STRESS_RUNS:-3}"
workers="${REDIS_TASK_STRESS_WORKERS:-6}"
burners="${REDIS_TASK_STRESS_BURNERS:-$(nproc)}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --burners) burners="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stress: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for value in "$runs" "$workers" "$burners"; do
  case "$value" in ''|*[!0-9]*) echo "stress: --runs, --workers and --burners take whole numbers; got \"$value\"" >&2; exit 2 ;; esac
done
if ! command -v pulumi >/dev/null && [ -z "${PULUMI_CLI_DIR:-}" ]; then
  echo "stress: no pulumi on PATH (nor PULUMI_CLI_DIR): the e2e project will be skipped; put the CLI on PATH to stress the whole suite" >&2
fi

results="$(mktemp -d)"
burner_pids=()
stop_burners() {
  for pid in "${burner_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  burner_pids=()
}
trap 'stop_burners; rm -rf "$results"' EXIT

echo "stress: building once"
npm run build --silent
npx tsc -p tsconfig.test.json

for _ in $(seq 1 "$burners"); do
  node -e 'for (;;) {}' &
  burner_pids+=("$!")
done
echo "stress: $runs run(s) of the whole suite, jest --maxWorkers=$workers on $(nproc) cores, $burners CPU burner(s) (pids ${burner_pids[*]:-none})"

summary=()
for run in $(seq 1 "$runs"); do
  report="$results/run-$run.json"
  started=$SECONDS
  set +e
  npx jest --maxWorkers="$workers" --json --outputFile="$report" "$@" >"$results/run-$run.log" 2>&1
  code=$?
  set -e
  seconds=$((SECONDS - started))
  # Counts and failed test names from jest's JSON report (absent if jest could not start).
  counts="$(node -e '
    const fs = require("fs");
    const file = process.argv[1];
    if (!fs.existsSync(file)) { console.log("no report"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const failed = r.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === "failed").map((a) => `  ${f.name.replace(process.cwd() + "/", "")}: ${a.fullName}`));
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed")).map((f) => `  ${f.name.replace(process.cwd() + "/", "")}: ${(f.message || "failed to run").split("\n")[0]}`);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped, ${r.numTotalTests} total`);
    for (const line of [...failed, ...broken]) console.log(line);
  ' "$report")"
  line="run $run/$runs: $((seconds / 60))m$((seconds % 60))s, $(head -n 1 <<<"$counts")"
  summary+=("$line")
  echo "stress: $line"
  if [ "$code" -ne 0 ]; then
    tail -n +2 <<<"$counts"
    echo "stress: run $run failed (jest exit $code); its output follows" >&2
    tail -n 150 "$results/run-$run.log" >&2
    printf 'stress: %s\n' "${summary[@]}"
    exit 1
  fi
done
printf 'stress: %s\n' "${summary[@]}"
echo "stress: all $runs run(s) passed"
