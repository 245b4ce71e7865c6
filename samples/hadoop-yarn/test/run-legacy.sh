#!/usr/bin/env bash
# test/run-legacy.sh - run the legacy YARN install as it is: ResourceManager + one NodeManager started
# through the sample's own sbin/yarn-daemon.sh, one distributed-shell job and one MapReduce pi job,
# checked through the RM REST API, then a clean stop through sbin/yarn-daemon.sh.
#
#   samples/hadoop-yarn/test/run-legacy.sh          (KEEP_RUN_DIR=1 keeps the temp dir for a post-mortem)
#
# Nothing is written into the repository: logs, pids, NodeManager local dirs and hadoop.tmp.dir all live
# in a temp dir, passed the way an operator would (HADOOP_LOG_DIR, HADOOP_PID_DIR, HADOOP_OPTS, --config).
# The committed configs name real hosts (rm01/nm01/jh01.example.internal). The test maps them to
# loopback addresses with a JDK hosts file (-Djdk.net.hosts.file), no /etc/hosts edits
# (rm01 and jh01 -> 127.0.0.1, nm01 -> 127.0.0.2 so the node registers under its own name):
#   - daemons and clients get it through HADOOP_OPTS;
#   - containers get it through yarn.nodemanager.admin-env, set in a generated conf dir whose
#     yarn-site.xml XIncludes the committed one unchanged and adds only that key; every other file
#     in the generated conf dir is a symlink to the committed one.
# Last line: "legacy-yarn: N passed, M failed"; exit status 0 only if all passed.
set -euo pipefail

SAMPLE=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." >/dev/null && pwd -P)
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
HADOOP_VERSION=3.4.2
PORTS="8030 8031 8032 8033 8040 8042 8088 13562"
RM_WEB=http://127.0.0.1:8088
WAIT_SECONDS=${WAIT_SECONDS:-180}   # per daemon; a loaded 2-core box needed up to 48 s
JOB_TIMEOUT=${JOB_TIMEOUT:-300}
T0=$(date +%s)

log() { echo "[legacy-yarn $(date +%T)] $*"; }

TESTS="dshell mr-pi"
PASSED=""
FAILED=""
pass() { PASSED="$PASSED $1"; log "PASS $1"; }
fail() { FAILED="$FAILED $1"; log "FAIL $1: $2"; }

RUN=""
cleanup() {
  local rc=$? p t n_pass=0 n_fail=0 pid
  set +e
  # Daemons still up (failure path): stop them through the pid files, then anything left that was started
  # for this run (its command line names the run dir: daemons, containers, clients).
  if [ -n "$RUN" ]; then
    for pid in "$RUN"/run/*.pid; do
      [ -f "$pid" ] || continue
      p=$(cat "$pid")
      if kill -0 "$p" 2>/dev/null; then
        log "cleanup: stopping leftover pid $p ($(basename "$pid"))"
        kill "$p" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
        kill -9 "$p" 2>/dev/null
      fi
    done
    for p in $(pgrep -f -- "$RUN" 2>/dev/null); do
      [ "$p" = "$$" ] && continue
      log "cleanup: killing leftover process $p"
      kill -9 "$p" 2>/dev/null
    done
  fi
  for t in $TESTS; do
    case " $PASSED " in *" $t "*) n_pass=$((n_pass + 1)); continue ;; esac
    case " $FAILED " in *" $t "*) ;; *) log "FAIL $t: not run" ;; esac
    n_fail=$((n_fail + 1))
  done
  for t in $FAILED; do
    case " $TESTS " in *" $t "*) ;; *) n_fail=$((n_fail + 1)) ;; esac
  done
  if [ "$n_fail" -gt 0 ] || [ "$rc" -ne 0 ]; then
    if [ -n "$RUN" ] && [ -d "$RUN/logs" ]; then
      for f in "$RUN"/logs/yarn-*.log; do
        [ -f "$f" ] || continue
        echo "----- tail -n 40 $f"
        tail -n 40 "$f"
      done
      for f in "$RUN"/logs/yarn-*.out; do
        [ -f "$f" ] || continue
        echo "----- tail -n 15 $f"
        tail -n 15 "$f"
      done
      for f in "$RUN"/logs/userlogs/application_*/container_*/*; do
        [ -f "$f" ] && [ -s "$f" ] || continue
        case "$f" in *.sh|*directory.info) continue ;; esac
        echo "----- tail -n 20 $f"
        tail -n 20 "$f"
      done
    fi
    [ "$n_fail" -eq 0 ] && n_fail=1
  fi
  if [ -n "$RUN" ]; then
    if [ "${KEEP_RUN_DIR:-0}" = 1 ]; then
      log "run dir kept: $RUN"
    else
      rm -rf -- "$RUN"
    fi
  fi
  log "duration $(( $(date +%s) - T0 )) s"
  echo "legacy-yarn: $n_pass passed, $n_fail failed"
  [ "$n_fail" -eq 0 ] && exit 0
  exit 1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- preconditions
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep 'version "17' >/dev/null; then
  log "need Java 17 in JAVA_HOME (Hadoop $HADOOP_VERSION does not run on 21+ here)"
  exit 1
fi
for tool in curl timeout; do
  command -v "$tool" >/dev/null || { log "missing tool: $tool"; exit 1; }
done

if ! ls "$SAMPLE"/lib/hadoop-common-"$HADOOP_VERSION".jar >/dev/null 2>&1; then
  log "lib/ is empty: fetching the Hadoop jars (mvn -B -q -f $SAMPLE/pom.xml package)"
  mvn -B -q -f "$SAMPLE/pom.xml" package
fi

port_busy() {
  if command -v ss >/dev/null; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep . >/dev/null
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
busy=""
for p in $PORTS; do
  if port_busy "$p"; then busy="$busy $p"; fi
done
if [ -n "$busy" ]; then
  log "ports already in use:$busy (another YARN running?). Stop it first."
  exit 1
fi

# ---------------------------------------------------------------- run dir, host names, overrides
RUN=$(mktemp -d "${TMPDIR:-/tmp}/legacy-yarn.XXXXXX")
mkdir -p "$RUN/logs" "$RUN/run" "$RUN/tmp" "$RUN/home" "$RUN/conf"

cat > "$RUN/hosts" <<HOSTS
127.0.0.1 localhost $(hostname)
127.0.0.1 rm01.example.internal jh01.example.internal
127.0.0.2 nm01.example.internal
HOSTS

for f in "$SAMPLE"/etc/hadoop/*; do
  [ "$(basename "$f")" = yarn-site.xml ] || ln -s "$f" "$RUN/conf/"
done
cat > "$RUN/conf/yarn-site.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by run-legacy.sh: the committed yarn-site.xml, unchanged, plus one test-only key -->
<configuration xmlns:xi="http://www.w3.org/2001/XInclude">
  <xi:include href="file://$SAMPLE/etc/hadoop/yarn-site.xml"/>
  <property>
    <name>yarn.nodemanager.admin-env</name>
    <value>MALLOC_ARENA_MAX=\$MALLOC_ARENA_MAX,JDK_JAVA_OPTIONS=-Djdk.net.hosts.file=$RUN/hosts</value>
  </property>
</configuration>
XML

export HADOOP_HOME=$SAMPLE
export HADOOP_CONF_DIR=$RUN/conf
export HADOOP_LOG_DIR=$RUN/logs
export HADOOP_PID_DIR=$RUN/run
export HADOOP_OPTS="-Djdk.net.hosts.file=$RUN/hosts -Dhadoop.tmp.dir=$RUN/tmp"
export YARN_CLIENT_OPTS="-Duser.home=$RUN/home"
export YARN_STOP_TIMEOUT=60
unset HADOOP_CLASSPATH JDK_JAVA_OPTIONS
log "run dir $RUN"

# ---------------------------------------------------------------- start the daemons
wait_for() { # description, seconds, command...
  local what=$1 secs=$2 start
  shift 2
  start=$(date +%s)
  while ! "$@"; do
    if [ $(( $(date +%s) - start )) -ge "$secs" ]; then
      log "timed out after $secs s waiting for $what"
      return 1
    fi
    sleep 1
  done
  log "$what after $(( $(date +%s) - start )) s"
}
rm_started() { curl -fsS "$RM_WEB/ws/v1/cluster/info" 2>/dev/null | grep '"state":"STARTED"' >/dev/null; }
node_active() { curl -fsS "$RM_WEB/ws/v1/cluster/metrics" 2>/dev/null | grep '"activeNodes":1[,}]' >/dev/null; }

"$SAMPLE/sbin/yarn-daemon.sh" start resourcemanager
wait_for "ResourceManager STARTED" "$WAIT_SECONDS" rm_started
"$SAMPLE/sbin/yarn-daemon.sh" start nodemanager
wait_for "activeNodes=1" "$WAIT_SECONDS" node_active

# ---------------------------------------------------------------- jobs
# app_final ID -> "STATE/FINALSTATUS" from the RM REST API
app_final() {
  local json
  json=$(curl -fsS "$RM_WEB/ws/v1/cluster/apps/$1")
  echo "$(echo "$json" | grep -o '"state":"[A-Z_]*"' | head -n1 | cut -d'"' -f4)/$(echo "$json" | grep -o '"finalStatus":"[A-Z_]*"' | head -n1 | cut -d'"' -f4)"
}
check_job() { # name, client rc, client output file
  local name=$1 rc=$2 out=$3 app st
  app=$(grep -o 'application_[0-9]*_[0-9]*' "$out" | head -n1 || true)
  if [ -z "$app" ]; then
    fail "$name" "client exit $rc, no application id in its output"; tail -n 30 "$out"; return
  fi
  st=$(app_final "$app" || echo "?/?")
  log "$name: $app client exit $rc, RM says $st"
  if [ "$rc" -eq 0 ] && [ "$st" = FINISHED/SUCCEEDED ]; then
    pass "$name"
  else
    fail "$name" "$app client exit $rc, $st"; tail -n 30 "$out"
  fi
}

cd "$RUN"
log "job 1: distributed shell (date in 1 container)"
rc=0
timeout "$JOB_TIMEOUT" "$SAMPLE/bin/yarn" jar "$SAMPLE/lib/hadoop-yarn-applications-distributedshell-$HADOOP_VERSION.jar" \
  -jar "$SAMPLE/lib/hadoop-yarn-applications-distributedshell-$HADOOP_VERSION.jar" \
  -appname legacy-dshell -shell_command date -num_containers 1 \
  -master_memory 512 -container_memory 256 -timeout $((JOB_TIMEOUT * 1000)) \
  > "$RUN/dshell.out" 2>&1 || rc=$?
check_job dshell "$rc" "$RUN/dshell.out"
shell_out=$(cat "$RUN"/logs/userlogs/application_*/container_*_000002/stdout 2>/dev/null || true)
log "dshell container stdout: ${shell_out:-<none>}"

log "job 2: MapReduce pi 2 10"
rc=0
timeout "$JOB_TIMEOUT" "$SAMPLE/bin/yarn" jar "$SAMPLE/lib/hadoop-mapreduce-examples-$HADOOP_VERSION.jar" pi \
  -Dyarn.app.mapreduce.am.staging-dir="$RUN/staging" 2 10 \
  > "$RUN/pi.out" 2>&1 || rc=$?
check_job mr-pi "$rc" "$RUN/pi.out"
grep 'Estimated value of Pi' "$RUN/pi.out" || true

# A client role and the cron script, as an operator would use them (not counted).
"$SAMPLE/bin/yarn" application -list -appStates FINISHED 2>/dev/null | grep -E 'Total|application_' || true
"$SAMPLE/sbin/cleanup-logs.sh" --dry-run || true

# ---------------------------------------------------------------- clean stop
stop_daemon() {
  local d=$1 pidf out t
  pidf=$(ls "$RUN"/run/yarn-*-"$d".pid)
  t=$(date +%s)
  out=$("$SAMPLE/sbin/yarn-daemon.sh" stop "$d" 2>&1)
  echo "$out"
  if echo "$out" | grep 'kill -9' >/dev/null || { [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; }; then
    fail "stop-$d" "did not stop cleanly"
  else
    log "$d stopped in $(( $(date +%s) - t )) s"
  fi
}
stop_daemon nodemanager
stop_daemon resourcemanager
busy=""
for p in $PORTS; do
  if port_busy "$p"; then busy="$busy $p"; fi
done
if [ -n "$busy" ]; then
  fail ports-released "still bound after stop:$busy"
fi
