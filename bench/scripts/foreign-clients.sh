#!/usr/bin/env bash
# Every record of every topic of a demo run and a dev-corpus run, read by clients that are not newswire's, in both
# value formats: single-object encoding (the default; the published .avsc files) and schema registry mode (the
# Confluent wire format, schemas in a real Apicurio Registry started here). Prints, per run and topic:
#   total   records a Java read_committed consumer reads from the beginning to the end (TopicCensus.java)
#   newswire  how many of them newswire's own serdes decode
#   kcat    records Debian's kcat reads read_committed whose value header names a known schema: C3 01 + the
#           fingerprint of a published schema (single-object), or 00 + a schema id the registry serves (registry
#           mode). Debian's kcat has no Avro deserializer (no libserdes): the header is what it can check.
#   python  records clients/python/newswire_consume.py (python3-confluent-kafka + python3-avro) decodes whole
# and fails (exit 1) when any figure differs from total.
# The dev-corpus run gets one line that is not JSON beside the corpus, so that news.dlq holds a dead letter to read.
# The demo run: `newswire demo` runs on an embedded broker that is gone when it exits, so its inputs (the samples in the
# jar) go through `newswire run` with the demo's settings (one partition per topic) on a broker started here; `newswire
# demo` itself also runs in each mode, and its per-topic counts must be the same.
#   bench/scripts/foreign-clients.sh        INPUT=../shared/corpus/kremlin-en-dev.jsonl KAFKA_PORT=19492 PORT=18490
# Needs Debian's kcat, python3-confluent-kafka and python3-avro (.ci/run installs them), and a Java 21+ for the
# registry (see registry.sh). Takes about 4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/scripts/registry.sh
INPUT=${INPUT:-../shared/corpus/kremlin-en-dev.jsonl}
KAFKA_PORT=${KAFKA_PORT:-19492}
PORT=${PORT:-18490}
PYTHON=/usr/bin/python3
BOOTSTRAP=localhost:$KAFKA_PORT
work=$(mktemp -d)
broker_pid=
stop_broker() {
  if [ -n "$broker_pid" ]; then
    kill "$broker_pid" 2>/dev/null || true
    wait "$broker_pid" 2>/dev/null || true
  fi
}
trap 'stop_broker; registry_stop; rm -rf "$work"' EXIT

missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
"$PYTHON" -c 'import confluent_kafka' >/dev/null 2>&1 || missing+=(python3-confluent-kafka)
"$PYTHON" -c 'import avro' >/dev/null 2>&1 || missing+=(python3-avro)
if [ ${#missing[@]} -gt 0 ]; then
  echo "needs Debian's ${missing[*]}: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

./newswire --version >/dev/null   # builds the jar once
census() { java -cp app/target/newswire.jar bench/scripts/TopicCensus.java "$@" 2>>"$work/census.err"; }
census fingerprints >"$work/fingerprints"
./newswire broker --port "$KAFKA_PORT" --data "$work/kafka" --http-port -1 >"$work/broker.log" 2>&1 &
broker_pid=$!
waited=0
until kcat -L -b "$BOOTSTRAP" -m 2 >/dev/null 2>&1; do
  if ! kill -0 "$broker_pid" 2>/dev/null || [ "$waited" -ge 60 ]; then
    echo "the broker did not start on $BOOTSTRAP: $(tail -3 "$work/broker.log")" >&2
    exit 1
  fi
  sleep 1
  waited=$((waited + 1))
done
echo "broker on $BOOTSTRAP ($(head -1 "$work/broker.log"))"
registry_start "$PORT"
mkdir -p "$work/demo"
unzip -q -o -j app/target/newswire.jar 'samples/*.txt' 'samples/*.jsonl' -d "$work/demo"

# config MODE NAME PARTITIONS: a properties file with the run's own topics (prefix fc-MODE-NAME.) and the mode
config() {
  local mode=$1 name=$2 partitions=$3 prefix="fc-$1-$2" file="$work/fc-$1-$2.properties"
  {
    echo "newswire.application.id=$prefix-app"
    echo "newswire.topic.raw=$prefix.raw"
    echo "newswire.topic.route.prefix=$prefix."
    echo "newswire.topic.general=$prefix.general"
    echo "newswire.topic.duplicates=$prefix.duplicates"
    echo "newswire.topic.dlq=$prefix.dlq"
    [ -z "$partitions" ] || echo "newswire.topic.partitions=$partitions"
    [ "$mode" = single-object ] || echo "newswire.schema.registry.url=$REGISTRY_URL"
  } >"$file"
  echo "$file"
}

# kcat_known MODE TOPIC: records kcat reads, and how many of them have a header naming a known schema
kcat_known() {
  local mode=$1 topic=$2 id counts read known ids
  if [ "$mode" = single-object ]; then
    # The pack format prints the fields one after the other: 195, 1, then the fingerprint's 8 bytes as one number.
    kcat -C -b "$BOOTSTRAP" -t "$topic" -X isolation.level=read_committed -o beginning -e -q -s 'value=>BBQ' \
        -f '%s\n' | awk 'NR == FNR {published[$1] = 1; next}
          {read++; if (substr($0, 1, 4) == "1951" && (substr($0, 5) in published)) known++}
          END {print read + 0, known + 0}' "$work/fingerprints" -
  else
    # The magic byte 0, then the schema id: count the records per id, then ask the registry for each id once.
    counts=$(kcat -C -b "$BOOTSTRAP" -t "$topic" -X isolation.level=read_committed -o beginning -e -q \
      -s 'value=>bI' -f '%s\n' | awk '{read++; if ($0 ~ /^0[0-9]+$/) ids[substr($0, 2)]++; else other++}
        END {printf "%d", read + 0; for (id in ids) printf " %s:%d", id, ids[id]}')
    read=${counts%% *}
    known=0
    [ "$counts" = "$read" ] && ids="" || ids=${counts#* }
    for id in $ids; do
      if [ "$(curl -s -o /dev/null -w '%{http_code}' "$REGISTRY_URL/apis/ccompat/v7/schemas/ids/${id%%:*}")" = 200 ]; then
        known=$((known + ${id##*:}))
      fi
    done
    echo "$read $known"
  fi
}

failures=0
# case MODE NAME PARTITIONS INPUT: one run, then every topic of it read by each client
case_run() {
  local mode=$1 name=$2 partitions=$3 input=$4 prefix="fc-$1-$2" cfg out topics registry=- python_args=()
  cfg=$(config "$mode" "$name" "$partitions")
  out="$work/$prefix.out"
  # shellcheck disable=SC2086 # the inputs, split on purpose
  if ! ./newswire run --input $input --bootstrap-servers "$BOOTSTRAP" --config "$cfg" --http-port -1 \
      >"$out" 2>&1; then
    echo "$prefix: newswire run failed: $(tail -3 "$out")" >&2
    exit 1
  fi
  [ "$mode" = single-object ] || { registry=$REGISTRY_URL; python_args=(--registry "$REGISTRY_URL/apis/ccompat/v7"); }
  mapfile -t topics < <(kcat -L -b "$BOOTSTRAP" | sed -n 's/^  topic "\('"$prefix"'\.[^"]*\)".*/\1/p' | sort)
  census count "$BOOTSTRAP" "$registry" "${topics[@]}" >"$work/$prefix.census"
  local python_topics=()
  for topic in "${topics[@]}"; do python_topics+=(--topic "$topic"); done
  "$PYTHON" clients/python/newswire_consume.py --bootstrap-servers "$BOOTSTRAP" "${python_topics[@]}" \
    --schemas schemas/src/main/avro --count "${python_args[@]}" >"$work/$prefix.python" 2>"$work/$prefix.python.err" \
    || true
  echo
  echo "== $mode, $name: $(grep -m1 -o 'all accounted for after .*' "$out")"
  printf '| %-34s | %7s | %8s | %11s | %11s |\n' topic total newswire "kcat" python
  printf '|%s|%s|%s|%s|%s|\n' "------------------------------------" "--------:" "---------:" "------------:" "------------:"
  local topic total decoded so cf kcat_read kcat_ok python_decoded role sum_total=0 sum_kcat=0 sum_python=0
  while read -r topic total decoded so cf; do
    read -r kcat_read kcat_ok < <(kcat_known "$mode" "$topic")
    python_decoded=$(sed -n 's/^records=[0-9]* decoded=\([0-9]*\) failed=[0-9]* topic='"${topic//./\\.}"'$/\1/p' \
      "$work/$prefix.python")
    role=""
    [[ "$topic" != *.raw ]] || role=" (input)"
    printf '| %-34s | %7d | %8d | %5d / %5d | %5s / %5d |\n' "$topic$role" "$total" "$decoded" "$kcat_ok" \
      "$total" "${python_decoded:-?}" "$total"
    if [ "$decoded" != "$total" ] || [ "$kcat_read" != "$total" ] || [ "$kcat_ok" != "$total" ] \
        || [ "${python_decoded:-x}" != "$total" ]; then
      failures=$((failures + 1))
      echo "   ^ not every record: java $total, newswire $decoded, kcat read $kcat_read (header known $kcat_ok)," \
        "python ${python_decoded:-none} ($(head -2 "$work/$prefix.python.err" | tr '\n' ' '))"
    fi
    if [[ "$topic" != *.raw ]]; then
      sum_total=$((sum_total + total)); sum_kcat=$((sum_kcat + kcat_ok)); sum_python=$((sum_python + ${python_decoded:-0}))
    fi
  done <"$work/$prefix.census"
  printf '| %-34s | %7d | %8s | %5d / %5d | %5d / %5d |\n' "output topics" "$sum_total" "" "$sum_kcat" "$sum_total" \
    "$sum_python" "$sum_total"
  if [ "$name" = demo ]; then
    demo_itself "$mode" "$prefix"
  fi
}

# demo_itself MODE PREFIX: `newswire demo` on its own embedded broker; its per-topic counts against the run's
demo_itself() {
  local mode=$1 prefix=$2 args=() differ=0 topic count total
  [ "$mode" = single-object ] || args=(--config "$work/demo-registry.properties")
  printf 'newswire.schema.registry.url=%s\n' "$REGISTRY_URL" >"$work/demo-registry.properties"
  if ! ./newswire demo "${args[@]}" >"$work/$prefix.demo" 2>&1; then
    echo "newswire demo failed: $(tail -3 "$work/$prefix.demo")" >&2
    exit 1
  fi
  while read -r topic count; do
    total=$(awk -v t="$prefix.${topic#news.}" '$1 == t {print $2}' "$work/$prefix.census")
    if [ "${total:-0}" != "$count" ]; then
      differ=$((differ + 1))
      echo "   newswire demo: $topic $count records, the run of its samples: ${total:-0}"
    fi
  done < <(sed -n 's/^== \(news\.[^ ]*\) (\([0-9]*\))$/\1 \2/p' "$work/$prefix.demo")
  if [ "$differ" -eq 0 ]; then
    echo "newswire demo itself ($mode): the same count on each of its $(grep -c '^== news\.' "$work/$prefix.demo")" \
      "output topics; $(grep -m1 -o 'verified on the topics: [^ ]* [^ ]* [^ ]*' "$work/$prefix.demo")"
  else
    failures=$((failures + 1))
  fi
}

# One line that is not JSON beside the dev corpus, so that news.dlq has a record (a dead letter) to read too.
printf '{"id": "broken", "title": \n' >"$work/broken.jsonl"
for mode in single-object registry; do
  case_run "$mode" demo 1 "$work/demo"
  case_run "$mode" dev "" "$INPUT $work/broken.jsonl"
done
echo
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures topics or demo comparisons where a client did not get every record" >&2
  exit 1
fi
echo "every record of every topic decoded by newswire and Python, and framed with a known schema as kcat reads it"
