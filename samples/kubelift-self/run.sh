#!/usr/bin/env bash
# kubelift, containerised by kubelift, converts a small portfolio in two shards (two containers, as two pods of an
# Indexed Job would), and the two summaries are merged.
#
#   samples/kubelift-self/run.sh
#
# analyze cli/target/kubelift.jar (a runnable jar: one component, its unpacked root on the classpath) → the deployment
# choices the analyzer cannot know (workload Job, 2 completions, resources, C1-only JIT) → generate → build
# --to tar: --base jlink → 'kubectl kustomize' of the generated Job with samples/kubelift-self/portfolio-job.yaml
# (Indexed, one shard per index) → podman load → 'convert --batch --shard 0/2' and '1/2' in two containers, each
# writing its own directory on a bind mount → 'merge' in a third → summary.json counts.
# Manual, not a stage of ./test.sh: a cold run (jlink runtime, image build, three JVMs on 2 cores) takes minutes.
#
# Environment:
#   KUBELIFT_REQUIRE_PODMAN=1   fail (instead of skip) when podman cannot be set up
#   KUBELIFT_SELF_WORK=DIR      work directory (default: a new temp dir, removed on success)
#   KUBELIFT_SELF_BASE=jlink    --base for build (jlink or debian)
#   KUBELIFT_SELF_KEEP=1        keep the image and the work directory
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE=samples/kubelift-self
WORK="${KUBELIFT_SELF_WORK:-$(mktemp -d -t kubelift-self.XXXXXX)}"
BASE="${KUBELIFT_SELF_BASE:-jlink}"
SHARDS=2
UID_IN_IMAGE=10001
START=$(date +%s)
PASSED=0 FAILED=0

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "PASS $what"; PASSED=$((PASSED + 1)); else echo "FAIL $what"; FAILED=$((FAILED + 1)); fi
}

# 1. podman (installs it when missing; needs root)
if ! .ci/containers-setup.sh >/dev/null; then
  if [ "${KUBELIFT_REQUIRE_PODMAN:-0}" = 1 ]; then
    echo "kubelift-self: FAILED — podman could not be set up (KUBELIFT_REQUIRE_PODMAN=1)" >&2
    exit 1
  fi
  echo "kubelift-self: SKIPPED — podman is not available here (run as root on Debian, or set KUBELIFT_REQUIRE_PODMAN=1 to fail)"
  exit 0
fi

KUBELIFT=./kubelift
"$KUBELIFT" --version >/dev/null   # builds cli/target/kubelift.jar when needed
JAR=cli/target/kubelift.jar
PLAN="$WORK/plan.yaml"
OUT="$WORK/out"
mkdir -p "$WORK"

# 2. the plan, as the analyzer infers it from the runnable jar
log "analyze $JAR -o $PLAN"
"$KUBELIFT" -q analyze "$JAR" -o "$PLAN"
check "plan: one component, kubelift, main class io.kubelift.cli.Main, classpath = the jar's root" \
  test "$(grep -c '^    - name: ' "$PLAN")" = 1 -a -n "$(grep '^    - name: kubelift$' "$PLAN")" \
  -a -n "$(grep 'mainClass: io.kubelift.cli.Main' "$PLAN")" -a -n "$(grep -A1 '^        classpath:' "$PLAN" | grep -E '^          - "?\."?$')"

# 3. deployment choices the analyzer cannot know (documented in docs/cli.md): a batch tool runs as a Job with one
#    completion per shard; a conversion needs more than the LimitRange default of 256Mi; C1-only JIT as ./kubelift;
#    UTF-8 messages (the jlink image has no locale, so Java would print '?' for every non-ASCII character).
#    Each edit replaces exactly one line the analyzer wrote; generate re-reads the plan strictly.
edit() { # sed expression, the line it must produce
  sed -i "$1" "$PLAN"
  grep -- "$2" "$PLAN" >/dev/null || { echo "kubelift-self: FAILED — plan edit '$1' did not apply" >&2; exit 1; }
}
edit 's/^      workload: Deployment$/      workload: Job/' '^      workload: Job$'
edit "s/^      replicas: 1\$/      replicas: $SHARDS/" "^      replicas: $SHARDS\$"
edit 's/^      entrypoint:$/      entrypoint:\n        jvmOptions:\n          - -XX:TieredStopAtLevel=1\n          - -Dsun.stdout.encoding=UTF-8\n          - -Dsun.stderr.encoding=UTF-8/' \
  '^          - -XX:TieredStopAtLevel=1$'
edit 's/^      runtime:$/      resources:\n        cpu: "2"\n        memory: 1Gi\n      runtime:/' '^        memory: 1Gi$'

log "generate $PLAN -o $OUT"
"$KUBELIFT" -q generate "$PLAN" -o "$OUT"
log "build $PLAN --to tar:$WORK/images --base $BASE"
BUILD_LOG="$("$KUBELIFT" -q build "$PLAN" --to "tar:$WORK/images" --base "$BASE" -o "$OUT")"
echo "$BUILD_LOG"
IMAGE="$(sed -n 's/^IMAGE kubelift //p' <<< "$BUILD_LOG")"
check "build: one image, kubelift/kubelift:latest" test "$IMAGE" = kubelift/kubelift:latest

# 4. the Indexed Job: the generated Job plus portfolio-job.yaml, as a kustomize overlay next to the generated ones
mkdir -p "$OUT/k8s/overlays/portfolio"
cp "$HERE/portfolio-job.yaml" "$OUT/k8s/overlays/portfolio/"
cat > "$OUT/k8s/overlays/portfolio/kustomization.yaml" <<'YAML'
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../prod]
patches: [{path: portfolio-job.yaml}]
YAML
if command -v kubectl >/dev/null 2>&1; then
  kubectl kustomize "$OUT/k8s/overlays/portfolio" > "$WORK/portfolio-job.rendered.yaml"
  R="$WORK/portfolio-job.rendered.yaml"
  check "kustomize: an Indexed Job of $SHARDS completions, one shard per index, image $IMAGE" \
    test -n "$(grep '^  completionMode: Indexed$' "$R")" -a -n "$(grep "^  completions: $SHARDS\$" "$R")" \
    -a -n "$(grep -- "- \$(JOB_COMPLETION_INDEX)/$SHARDS\$" "$R")" -a -n "$(grep "image: $IMAGE\$" "$R")"
  check "kustomize: no global backoffLimit left beside backoffLimitPerIndex" \
    test -z "$(grep '^  backoffLimit:' "$R" || true)"
else
  echo "kubectl not found: the Indexed Job overlay is not rendered"
fi

# 5. the image, run as a pod would run it: uid 10001, read-only root, no capabilities
log "podman load -i $WORK/images/kubelift.tar"
podman load -q -i "$WORK/images/kubelift.tar" >/dev/null
cleanup() {
  for i in $(seq 0 $((SHARDS - 1))) merge; do podman rm -f "kubelift-self-$i" >/dev/null 2>&1 || true; done
  if [ "${KUBELIFT_SELF_KEEP:-0}" != 1 ]; then podman rmi -f "localhost/$IMAGE" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
run_in_image() { # container name, then kubelift arguments
  local name="$1"; shift
  podman run --rm --name "kubelift-self-$name" --read-only --cap-drop=ALL --security-opt=no-new-privileges \
    -v "$WORK/portfolio:/portfolio:ro" -v "$WORK/shards:/out" "localhost/$IMAGE" "$@"
}

# 6. a portfolio: the analyzer's fixture apps and one broken archive
mkdir -p "$WORK/portfolio" "$WORK/shards"
cp -r analyzer/src/test/resources/fixtures/. "$WORK/portfolio/"
printf 'this is not a zip file\n' > "$WORK/portfolio/broken.zip"
chown "$UID_IN_IMAGE:0" "$WORK/shards"   # the container's user writes the shard outputs
APPS=()
while IFS= read -r a; do APPS+=("$a"); done < <(ls "$WORK/portfolio" | LC_ALL=C sort)
log "portfolio: ${#APPS[@]} apps (${APPS[*]})"

# 7. the shards, in parallel like the pods of an Indexed Job
declare -a PIDS RCS
for i in $(seq 0 $((SHARDS - 1))); do
  run_in_image "$i" -q convert --batch /portfolio -o "/out/shard-$i" --shard "$i/$SHARDS" --jobs 1 \
    > "$WORK/shard-$i.log" 2>&1 &
  PIDS[$i]=$!
done
for i in $(seq 0 $((SHARDS - 1))); do
  rc=0; wait "${PIDS[$i]}" || rc=$?
  RCS[$i]=$rc
  log "shard $i/$SHARDS exited $rc"
done

for i in $(seq 0 $((SHARDS - 1))); do
  want=0 wantfail=0
  for k in "${!APPS[@]}"; do
    if [ $((k % SHARDS)) = "$i" ]; then want=$((want + 1)); [ "${APPS[$k]}" = broken.zip ] && wantfail=1; fi
  done
  S="$WORK/shards/shard-$i/summary.json"
  check "shard $i/$SHARDS: summary.json has $want apps, $wantfail failed" \
    test "$(jq -r '"\(.total) \(.failed)"' "$S" 2>/dev/null)" = "$want $wantfail"
  check "shard $i/$SHARDS: exit code $([ "$wantfail" = 1 ] && echo 3 || echo 0) (3 when an app failed)" \
    test "${RCS[$i]}" = "$([ "$wantfail" = 1 ] && echo 3 || echo 0)"
done

# 8. merge, with the same image
rc=0
run_in_image merge merge $(for i in $(seq 0 $((SHARDS - 1))); do printf '/out/shard-%s ' "$i"; done) -o /out/all \
  > "$WORK/merge.log" 2>&1 || rc=$?
log "merge exited $rc"
M="$WORK/shards/all/summary.json"
jq -r '"SUMMARY total=\(.total) converted=\(.converted) failed=\(.failed)"' "$M" || true
check "merge: exit code 3 (one app of the portfolio failed)" test "$rc" = 3
check "merge: ${#APPS[@]} apps, $(( ${#APPS[@]} - 1 )) converted, 1 failed" \
  test "$(jq -r '"\(.total) \(.converted) \(.failed)"' "$M" 2>/dev/null)" = "${#APPS[@]} $(( ${#APPS[@]} - 1 )) 1"
check "merge: every app once, the broken archive is the failed one" \
  test "$(jq -r '[.apps[] | .name] | length' "$M" 2>/dev/null)" = "${#APPS[@]}" \
  -a "$(jq -r '[.apps[] | select(.status == "failed") | .name] | join(",")' "$M" 2>/dev/null)" = broken
check "merge: index.html written" test -s "$WORK/shards/all/index.html"
check "shard outputs: every converted app has its k8s/ and report/" \
  test "$(ls -d "$WORK"/shards/shard-*/*/k8s "$WORK"/shards/shard-*/*/report 2>/dev/null | wc -l)" = $(( 2 * (${#APPS[@]} - 1) ))

echo "kubelift-self: $PASSED passed, $FAILED failed ($(( $(date +%s) - START )) s)"
if [ "$FAILED" -eq 0 ] && [ "${KUBELIFT_SELF_KEEP:-0}" != 1 ] && [ -z "${KUBELIFT_SELF_WORK:-}" ]; then rm -rf "$WORK"; fi
[ "$FAILED" -eq 0 ]
