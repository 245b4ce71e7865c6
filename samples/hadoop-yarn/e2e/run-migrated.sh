#!/usr/bin/env bash
# End-to-end proof of the migration: the legacy Hadoop YARN sample, converted, built into images and played by
# kubelift itself, runs a YARN distributed-shell job and a MapReduce pi job to SUCCEEDED.
#
#   samples/hadoop-yarn/e2e/run-migrated.sh
#
# convert → build (Jib, pushed to a local registry) → rebuild (same digests) → up (podman kube play) →
# ResourceManager REST reports the NodeManager active → dshell + pi submitted from inside the NodeManager container
# (fs.defaultFS is file:///, so client, NM and AM must share paths) → down.
# Nothing generated is edited and no manifest is written by hand.
#
# Environment:
#   KUBELIFT_REQUIRE_PODMAN=1   fail (instead of skip) when podman cannot be set up — CI sets it
#   KUBELIFT_E2E_OUT=DIR        where convert writes (default: a new temp dir)
#   KUBELIFT_E2E_REGISTRY=REF   image repository (default localhost:5000/kubelift-e2e)
#   KUBELIFT_E2E_BASE=debian    --base for build; "auto" lets kubelift choose per component
#   KUBELIFT_E2E_TIMEOUT=240    seconds to wait for the NodeManager to register
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
SAMPLE=samples/hadoop-yarn
OUT="${KUBELIFT_E2E_OUT:-$(mktemp -d -t kubelift-e2e.XXXXXX)/out}"
REGISTRY="${KUBELIFT_E2E_REGISTRY:-localhost:5000/kubelift-e2e}"
BASE="${KUBELIFT_E2E_BASE:-debian}"
TIMEOUT="${KUBELIFT_E2E_TIMEOUT:-240}"
RM_URL="http://127.0.0.1:8088"
START=$(date +%s)

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

# 1. podman, runc, registry (installs them when missing; needs root)
if ! .ci/containers-setup.sh; then
  if [ "${KUBELIFT_REQUIRE_PODMAN:-0}" = 1 ]; then
    echo "migrated-yarn: FAILED — podman could not be set up (KUBELIFT_REQUIRE_PODMAN=1)" >&2
    exit 1
  fi
  echo "migrated-yarn: SKIPPED — podman is not available here (run as root on Debian, or set KUBELIFT_REQUIRE_PODMAN=1 to fail)"
  exit 0
fi

# 2. the legacy install's jars (the sample keeps only its pom; Maven Central stands in for the tarball)
if ! ls "$SAMPLE"/lib/*.jar >/dev/null 2>&1; then
  log "fetching the sample's lib/ from Maven Central"
  mvn -B -q -f "$SAMPLE/pom.xml" package
fi

# 3. the kubelift launcher (builds the CLI when needed)
KUBELIFT=./kubelift
[ -x "$KUBELIFT" ] || { echo "migrated-yarn: FAILED — $ROOT/kubelift launcher not found" >&2; exit 1; }

images_in() { grep -rhoE 'image: *"?[^" ]+' "$1/k8s" | sed -E 's/image: *"?//' | sort -u; }

log "convert $SAMPLE -o $OUT"
"$KUBELIFT" convert "$SAMPLE" -o "$OUT"

BASE_ARGS=()
[ "$BASE" = auto ] || BASE_ARGS=(--base "$BASE")
log "build $OUT/plan.yaml --to registry:$REGISTRY ${BASE_ARGS[*]}"
"$KUBELIFT" build "$OUT/plan.yaml" --to "registry:$REGISTRY" "${BASE_ARGS[@]}"
FIRST="$(images_in "$OUT")"
log "rebuild of the unchanged plan"
"$KUBELIFT" build "$OUT/plan.yaml" --to "registry:$REGISTRY" "${BASE_ARGS[@]}"
SECOND="$(images_in "$OUT")"
while read -r img; do [ -n "$img" ] && echo "IMAGE $img"; done <<< "$SECOND"
if [ "$FIRST" = "$SECOND" ]; then echo "REBUILD_SAME_DIGESTS yes"; else echo "REBUILD_SAME_DIGESTS no"; fi
grep -q '@sha256:' <<< "$SECOND" || { echo "migrated-yarn: FAILED — manifests do not reference images by digest" >&2; exit 1; }

cleanup() {
  log "down $OUT"
  # --volumes: the NodeManager's claims go too, so the next run starts from empty local dirs
  "$KUBELIFT" down "$OUT" --volumes || echo "migrated-yarn: WARNING — down did not remove everything" >&2
}
trap cleanup EXIT

log "up $OUT"
"$KUBELIFT" up "$OUT"

# 4. the NodeManager registers with the ResourceManager
ACTIVE=0
for _ in $(seq 1 "$TIMEOUT"); do
  METRICS="$(curl -fsS "$RM_URL/ws/v1/cluster/metrics" 2>/dev/null || true)"
  ACTIVE="$(printf '%s' "$METRICS" | jq -r '.clusterMetrics.activeNodes // 0' 2>/dev/null || true)"
  [ "${ACTIVE:-0}" -ge 1 ] && break
  sleep 1
done
echo "ACTIVE_NODES ${ACTIVE:-0}"
if [ "${ACTIVE:-0}" -lt 1 ]; then
  echo "unhealthy nodes: $(printf '%s' "$METRICS" | jq -r '.clusterMetrics.unhealthyNodes // "?"' 2>/dev/null || true)" >&2
  echo "migrated-yarn: 0 passed, 2 failed"
  exit 1
fi

# 5. jobs, submitted from inside the NodeManager container so file:/// staging paths are shared
NM="$(podman ps --format '{{.Names}}' | grep -E 'nodemanager-0-' | grep -v -- '-infra$' | head -1)"
[ -n "$NM" ] || { echo "migrated-yarn: FAILED — no running NodeManager container" >&2; exit 1; }
log "submitting jobs in $NM"
client() {
  # $1 = main class, rest = its args; the config dir and lib/ are where the image contract puts the app
  podman exec "$NM" bash -c 'cd "${HOME:-/tmp}" && exec "${JAVA_HOME:-/opt/java}/bin/java" -Xmx256m \
      -cp "${HADOOP_CONF_DIR:-/opt/app/etc/hadoop}:/opt/app/lib/*" "$@"' client "$@"
}
last_final_state() {  # the final status of the most recently started application (jobs run one after the other)
  curl -fsS "$RM_URL/ws/v1/cluster/apps" \
    | jq -r '[.apps.app[]?] | sort_by(.startedTime) | last | .finalStatus // "NONE"'
}

PASSED=0; FAILED=0
DSHELL_JAR="$(podman exec "$NM" bash -c 'ls /opt/app/lib/hadoop-yarn-applications-distributedshell-*.jar' | head -1)"
client org.apache.hadoop.yarn.applications.distributedshell.Client -jar "$DSHELL_JAR" \
  -shell_command 'echo hello from $(hostname) as $(id -un)' -num_containers 1 \
  -master_memory 512 -container_memory 256 -timeout 300000 || true
STATE="$(last_final_state)"
echo "FINAL_STATE $STATE"
if [ "$STATE" = SUCCEEDED ]; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi

client org.apache.hadoop.examples.ExampleDriver pi 2 100 || true
STATE="$(last_final_state)"
echo "FINAL_STATE $STATE"
if [ "$STATE" = SUCCEEDED ]; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi

log "jobs done"
trap - EXIT
cleanup
echo "migrated-yarn: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
