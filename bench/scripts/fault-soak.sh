#!/usr/bin/env bash
# The fault suite's long form: the same tests CI runs in short form (StreamsKillIT, BrokerBounceIT, ScaleOutIT), with
# more items, more kills and more bounces. Prints each test's verifier line, recoveries and stalls.
#   bench/scripts/fault-soak.sh                  # 20,000 items, 8 kills, 6 broker bounces (+1 SIGKILL)
#   ITEMS=5000 KILLS=4 BOUNCES=3 bench/scripts/fault-soak.sh
# Takes about 15-25 minutes on 2 cores. Needs only Java 17 and Maven Central, like ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."

items="${ITEMS:-20000}"
kills="${KILLS:-8}"
bounces="${BOUNCES:-6}"
rate="${RATE:-150}"
scale_items="${SCALE_ITEMS:-2000}"

status=0
./mvnw -B -ntp verify -pl schemas,producer,streams,broker,app -am \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test='StreamsKillIT,BrokerBounceIT,ScaleOutIT' \
  -Dnewswire.faults.items="$items" -Dnewswire.faults.kills="$kills" -Dnewswire.faults.bounces="$bounces" \
  -Dnewswire.faults.rate="$rate" -Dnewswire.faults.scale.items="$scale_items" \
  || status=$?

echo
echo "== fault soak: items=$items kills=$kills bounces=$bounces rate=$rate/s scale_items=$scale_items"
grep -h -E "^(StreamsKillIT|BrokerBounceIT|ScaleOutIT): " app/target/failsafe-reports/*-output.txt || true
exit "$status"
