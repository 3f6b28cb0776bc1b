#!/usr/bin/env bash
# Are the dedup decisions a function of news.raw alone? Publishes a corpus once to a local broker, then runs
# `newswire streams` over it four times with fresh application ids, each writing to its own output topics: three
# clean runs, and one killed with SIGKILL mid-way (KILLS times) and restarted on the same state directory. Then it
# compares every item's decision, original and story with the first run's and prints how many differ, how many
# items were decided other than exactly once, and how long each restart took to restore its state.
#
# Usage: bench/scripts/determinism.sh [CORPUS.jsonl]     (default: ../shared/corpus/kremlin-en-dev.jsonl)
# Environment: PORT (default 19092), WORK (default: a new temporary folder, kept), KILLS (default 3),
#              KILL_AFTER (seconds after each start of the killed run has become RUNNING, default 3: the whole
#              corpus takes ~10 s here), THREADS (default 2).
# Needs: Java 17+, python3 (for the comparison). Takes about five minutes for the dev corpus on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="${1:-$here/../shared/corpus/kremlin-en-dev.jsonl}"
port="${PORT:-19092}"
work="${WORK:-$(mktemp -d -t newswire-determinism-XXXX)}"
kills="${KILLS:-3}"
kill_after="${KILL_AFTER:-3}"
threads="${THREADS:-2}"
nw="$here/newswire"
servers="localhost:$port"
[ -f "$corpus" ] || { echo "no corpus at $corpus: give a .jsonl of items" >&2; exit 2; }
items=$(grep -c . "$corpus")
echo "corpus $corpus: $items items; work folder $work" >&2

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$nw" broker --data "$work/kafka" --port "$port" > "$work/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do (echo > "/dev/tcp/localhost/$port") 2>/dev/null && break; sleep 1; done
"$nw" produce --bootstrap-servers "$servers" --input "$corpus" > "$work/produce.log" 2>&1
echo "published: $(tail -n 1 "$work/produce.log")" >&2

as_run() { # as_run NAME COMMAND...: newswire (exec'd, so the caller's $! is its JVM) with the run's id and topics
  local name=$1; shift
  export NEWSWIRE_KAFKA_STATE_DIR="$work/state-$name" NEWSWIRE_KAFKA_NUM_STREAM_THREADS="$threads" \
    NEWSWIRE_APPLICATION_ID="det-$name" NEWSWIRE_TOPIC_ROUTE_PREFIX="det-$name." \
    NEWSWIRE_TOPIC_GENERAL="det-$name.general" NEWSWIRE_TOPIC_DUPLICATES="det-$name.duplicates" \
    NEWSWIRE_TOPIC_DLQ="det-$name.dlq"
  exec "$nw" "$@" --bootstrap-servers "$servers"
}

decisions() { # the number of decisions on the run's news.duplicates
  (as_run "$1" tail --topic "det-$1.duplicates" --from-beginning --idle 2s) 2>/dev/null | grep -c '"decision"' || true
}

start_streams() { # start_streams NAME START: the START-th start of the run, logged to its own file
  (as_run "$1" streams) > "$work/$1.$2.log" 2>&1 &
  echo $!
}

run() { # run NAME KILL(yes|no)
  local name=$1 killing=$2 pid started count kills_done=0
  started=$(date +%s)
  pid=$(start_streams "$name" 0); pids+=("$pid")
  while [ "$killing" = yes ] && [ "$kills_done" -lt "$kills" ]; do
    # Wait until this start is RUNNING (its stores restored), then let it work a while.
    until grep -q -- '-> RUNNING' "$work/$name.$kills_done.log" 2>/dev/null; do sleep 0.2; done
    sleep "$kill_after"
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
    kills_done=$((kills_done + 1))
    count=$(decisions "$name")
    echo "$name: killed with SIGKILL $kill_after s after it was RUNNING ($count of $items decided); restarting on" \
      "the same state directory" >&2
    pid=$(start_streams "$name" "$kills_done"); pids+=("$pid")
  done
  while :; do
    sleep 3
    count=$(decisions "$name")
    [ "$count" -ge "$items" ] && break
    if [ $(( $(date +%s) - started )) -gt 1200 ]; then echo "$name: only $count of $items decisions after 20 min" >&2; exit 1; fi
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  (as_run "$name" tail --topic "det-$name.duplicates" --from-beginning --idle 3s) > "$work/$name.decisions.jsonl" \
    2>/dev/null
  echo "$name: $(grep -c . "$work/$name.decisions.jsonl") decisions in $(( $(date +%s) - started )) s" >&2
}

run clean-1 no
run clean-2 no
run clean-3 no
run killed yes

python3 - "$work" clean-1 clean-2 clean-3 killed <<'PY'
import json, sys, collections
work, runs = sys.argv[1], sys.argv[2:]
def load(name):
    seen = collections.defaultdict(list)
    for line in open(f"{work}/{name}.decisions.jsonl", encoding="utf-8"):
        d = json.loads(line)
        d = d.get("value", d)
        seen[(d["id"], d["decided_at"])].append((d["decision"], d.get("duplicate_of"), d.get("story_id")))
    return seen
first = load(runs[0])
for name in runs:
    got = load(name)
    not_once = sum(1 for v in got.values() if len(v) != 1)
    keys = set(first) | set(got)
    differ = sum(1 for k in keys if first.get(k, [None])[0] != got.get(k, [None])[0])
    print(f"{name}: {len(got)} items decided, {not_once} not exactly once, {differ} decisions differ from {runs[0]}")
PY
echo "restores after the kill:" >&2
grep -h "restored store" "$work"/killed.*.log >&2 || echo "  (none logged)" >&2
