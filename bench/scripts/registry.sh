# Sourced by the scripts beside it: starts a real Apicurio Registry 3.3.3 (in-memory storage) the way the ITs'
# SharedRegistry does, from Maven Central's tar.gz unpacked into app/target by the build, on a Java 21+ (JAVA_HOME when
# new enough, else the newest JDK under /usr/lib/jvm: a Temurin 25 on these machines).
#   trap registry_stop EXIT   # (with whatever else the script cleans up)
#   registry_start PORT       # HTTP on PORT, management on PORT+1; sets REGISTRY_URL
# Needs the caller's working directory at the repository root.

registry_java() {
  local home version
  for home in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -n "$home" ] && [ -f "$home/release" ] && [ -x "$home/bin/java" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ "${version:-0}" -ge 21 ]; then
      echo "${home%/}/bin/java"
      return 0
    fi
  done
  return 1
}

REGISTRY_PID=

registry_stop() {
  if [ -n "$REGISTRY_PID" ]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=
  fi
}

registry_start() {
  local port=$1 home java log
  home=app/target/apicurio-registry-3.3.3
  if [ ! -f "$home/quarkus-run.jar" ]; then
    echo "unpacking Apicurio Registry into $home (Maven's dependency plugin, as before the ITs)"
    ./mvnw -B -ntp -q dependency:unpack@apicurio-registry -pl app
  fi
  java=$(registry_java) || { echo "no Java 21+ (JAVA_HOME, /usr/lib/jvm/*) for Apicurio Registry" >&2; exit 1; }
  log=$(mktemp /tmp/apicurio-registry-XXXXXX.log)
  (cd "$home" && exec "$java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dquarkus.http.port="$port" \
    -Dquarkus.management.port=$((port + 1)) -jar quarkus-run.jar) >"$log" 2>&1 &
  REGISTRY_PID=$!
  local waited=0
  until curl -sf -o /dev/null "http://localhost:$((port + 1))/health/ready"; do
    if ! kill -0 "$REGISTRY_PID" 2>/dev/null || [ "$waited" -ge 120 ]; then
      echo "Apicurio Registry did not become ready on port $port within ${waited} s; its log: $log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  REGISTRY_URL="http://localhost:$port"
  echo "Apicurio Registry 3.3.3 on $REGISTRY_URL (ready after ${waited} s, $("$java" -version 2>&1 | head -1); log $log)"
}
