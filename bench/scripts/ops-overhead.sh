#!/usr/bin/env bash
# What the ops side (metrics registry, per-stage meters, lag reader, HTTP endpoints) costs `newswire run`, and how
# long a scrape takes under that load.
#  1. CPU: the dev corpus ROUNDS times with the endpoints off (--http-port -1) and on, alternating; the process's CPU
#     seconds (user + sys: the broker, the topology and the producer are all in it); "on" is scraped every
#     SCRAPE_EVERY seconds (15, Prometheus' default interval in ops/prometheus/prometheus.yml).
#  2. Scrape time: one more run, scraped every 200 ms; each scrape's time (curl's time_total): p50, p95, max.
#   bench/scripts/ops-overhead.sh         ROUNDS=2 SCRAPE_EVERY=15 INPUT=../shared/corpus/kremlin-en-dev.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
INPUT=${INPUT:-../shared/corpus/kremlin-en-dev.jsonl}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-19400}
SCRAPE_EVERY=${SCRAPE_EVERY:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./newswire --version >/dev/null   # builds the jar once, outside the measurements
echo "input $INPUT, $ROUNDS rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# run MODE SCRAPE_INTERVAL: one run of the dev corpus; appends "MODE CPU" to $work/cpu
run() {
  local mode=$1 every=$2 port=-1
  [ "$mode" = off ] || port=$PORT
  /usr/bin/time -f "%U %S %e" -o "$work/time" ./newswire run --input "$INPUT" --http-port "$port" \
    >"$work/out" 2>"$work/err" &
  local pid=$!
  if [ "$mode" != off ]; then
    while kill -0 "$pid" 2>/dev/null; do
      curl -sf -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/metrics" >>"$work/scrapes-$mode" \
        2>/dev/null || true
      sleep "$every"
    done
  fi
  if ! wait "$pid"; then
    local kept
    kept=/tmp/ops-overhead-failed-$(date +%s).log
    cp "$work/err" "$kept"
    echo "$mode run failed (log kept in $kept): $(tail -2 "$work/err" | head -1); running it again"
    run "$@"
    return
  fi
  local user sys wall cpu
  read -r user sys wall <"$work/time"
  cpu=$(echo "$user + $sys" | bc)
  echo "$mode $cpu" >>"$work/cpu"
  printf '%-7s cpu %6.1f s  wall %6.1f s  %s\n' "$mode" "$cpu" "$wall" "$(grep -m1 'accounted' "$work/out" || true)"
}
for round in $(seq 1 "$ROUNDS"); do
  run off 0
  run on "$SCRAPE_EVERY"
done
awk '{sum[$1]+=$2; n[$1]++} END {off=sum["off"]/n["off"]; on=sum["on"]/n["on"];
  printf "cpu mean: off %.1f s, on %.1f s (scraped every '"$SCRAPE_EVERY"' s): ops add %+.1f %%\n", off, on,
  (on-off)/off*100}' "$work/cpu"
run scraped 0.2
sort -n "$work/scrapes-scraped" | awk '{v[NR]=$1} END {if (NR==0) {print "no scrape answered"; exit}
  p95=int(NR*0.95)+1; if (p95>NR) p95=NR;
  printf "scrapes under load (every 200 ms): %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR,
  v[int(NR*0.5)+1]*1000, v[p95]*1000, v[NR]*1000}'
