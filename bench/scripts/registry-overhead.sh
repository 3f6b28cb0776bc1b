#!/usr/bin/env bash
# What schema registry mode costs `newswire bench`: the whole pipeline on the dev corpus, ROUNDS times without a
# registry (Avro single-object encoding) and with one (the Confluent wire format, schemas in a real Apicurio Registry
# started here, on this machine), alternating so that the machine's noise hits both. Per run: the whole phase's
# items/s at saturation and CPU ms per item (process, and the topology's stream threads); then the means and the
# registry ÷ single-object ratios.
#   bench/scripts/registry-overhead.sh        ROUNDS=3 ITEMS=1500 INPUT=../shared/corpus/kremlin-en-dev.jsonl PORT=18480
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/scripts/registry.sh
INPUT=${INPUT:-../shared/corpus/kremlin-en-dev.jsonl}
ROUNDS=${ROUNDS:-3}
ITEMS=${ITEMS:-1500}
PORT=${PORT:-18480}
work=$(mktemp -d)
trap 'registry_stop; rm -rf "$work"' EXIT
./newswire --version >/dev/null   # builds the jar once, outside the measurements
registry_start "$PORT"
printf 'newswire.schema.registry.url=%s\n' "$REGISTRY_URL" >"$work/registry.properties"
echo "input $INPUT, $ITEMS items, $ROUNDS rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# run MODE: one bench of the whole pipeline; appends "MODE ITEMS/S PROCESS_CPU STREAM_CPU" to $work/figures
run() {
  local mode=$1 config=()
  [ "$mode" = single-object ] || config=(--config "$work/registry.properties")
  if ! ./newswire bench --input "$INPUT" --items "$ITEMS" --phases whole --rates 50 --latency-seconds 3 \
      "${config[@]}" >"$work/out" 2>"$work/err"; then
    local kept
    kept=/tmp/registry-overhead-failed-$(date +%s).log
    cp "$work/err" "$kept"
    echo "$mode run failed (log kept in $kept): $(tail -2 "$work/err" | head -1)" >&2
    exit 1
  fi
  local row items_s cpu stream
  row=$(grep -m1 '^| whole |' "$work/out")
  items_s=$(echo "$row" | awk -F'|' '{gsub(/[ ,]/, "", $3); print $3}')
  cpu=$(echo "$row" | awk -F'|' '{split($6, c, "/"); gsub(/ /, "", c[1]); print c[1]}')
  stream=$(echo "$row" | awk -F'|' '{split($6, c, "/"); gsub(/ /, "", c[2]); print c[2]}')
  echo "$mode $items_s $cpu $stream" >>"$work/figures"
  printf '%-13s whole %7.1f items/s  CPU ms/item: process %6.2f, stream threads %5.2f  (load %s)\n' "$mode" \
    "$items_s" "$cpu" "$stream" "$(cut -d' ' -f1 /proc/loadavg)"
}
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    run single-object
    run registry
  else
    run registry
    run single-object
  fi
done
awk '{n[$1]++; r[$1]+=$2; p[$1]+=$3; s[$1]+=$4}
  END {
    so="single-object"; re="registry";
    printf "mean over %d runs each: single-object %.1f items/s, %.2f / %.2f CPU ms/item (process / stream threads)\n",
      n[so], r[so]/n[so], p[so]/n[so], s[so]/n[so];
    printf "                        registry      %.1f items/s, %.2f / %.2f CPU ms/item\n",
      r[re]/n[re], p[re]/n[re], s[re]/n[re];
    printf "registry / single-object: items/s %.3f (%+.1f %%), CPU process %.3f, CPU stream threads %.3f\n",
      (r[re]/n[re])/(r[so]/n[so]), ((r[re]/n[re])/(r[so]/n[so])-1)*100, (p[re]/n[re])/(p[so]/n[so]),
      (s[re]/n[re])/(s[so]/n[so])
  }' "$work/figures"
