#!/usr/bin/env bash
# End-to-end proof for a message broker: the ActiveMQ Artemis 2.40 broker instance of the corpus (made by the
# distribution's own `bin/artemis create`, its home left where it was unpacked), converted, built and played by
# kubelift itself; the distribution's own `artemis producer` / `consumer` in a second container are the clients.
#
#   samples/artemis/e2e/run-migrated.sh
#
# install (a copy of the instance; the home stays where `artemis create` found it) → convert → build (Jib, local
# registry; the home goes into the image as spec.source.homes says) → up → N messages produced and consumed through
# the generated Service (broker:61616) from a second container → the journal is on the claim's volume → durable
# messages sent → down (claims kept, as a cluster keeps a StatefulSet's PVCs) → up → the durable messages are
# consumed → down --volumes.
# Nothing generated is edited and no manifest is written by hand.
#
# Environment:
#   KUBELIFT_REQUIRE_PODMAN=1   fail (instead of skip) when podman cannot be set up — CI sets it
#   KUBELIFT_E2E_OUT=DIR        work directory (default: a new temp dir)
#   KUBELIFT_E2E_REGISTRY=REF   image repository (default localhost:5000/kubelift-e2e)
#   KUBELIFT_E2E_BASE=debian    --base for build; "auto" lets kubelift choose
#   KUBELIFT_E2E_MESSAGES=100   N
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
WORK="${KUBELIFT_E2E_OUT:-$(mktemp -d -t kubelift-e2e-artemis.XXXXXX)}"
REGISTRY="${KUBELIFT_E2E_REGISTRY:-localhost:5000/kubelift-e2e}"
BASE="${KUBELIFT_E2E_BASE:-debian}"
N="${KUBELIFT_E2E_MESSAGES:-100}"
DURABLE=5
CACHE="${KUBELIFT_CORPUS_CACHE:-$HOME/.cache/kubelift/corpus}"
APP="$WORK/broker"
OUT="$WORK/out"
# The user the corpus made the instance with (corpus/fetch: artemis create --user admin --password …): the client's
# credentials, which a real client has from whoever runs the broker.
USER_NAME=admin
PASSWORD=corpus-only-artemis-2.40
START=$(date +%s)
PASSED=0; FAILED=0

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# 1. podman, runc, registry (installs them when missing; needs root)
if ! .ci/containers-setup.sh; then
  if [ "${KUBELIFT_REQUIRE_PODMAN:-0}" = 1 ]; then
    echo "artemis: FAILED — podman could not be set up (KUBELIFT_REQUIRE_PODMAN=1)" >&2
    exit 1
  fi
  echo "artemis: SKIPPED — podman is not available here (run as root on Debian, or set KUBELIFT_REQUIRE_PODMAN=1 to fail)"
  exit 0
fi

# 2. the legacy install: a copy of the broker instance. Its scripts still name where `artemis create` made it (the
#    corpus cache) and ARTEMIS_HOME (the unpacked distribution beside it), as a real instance names its own paths.
corpus/fetch artemis-2.40 >/dev/null
mkdir -p "$WORK"
rm -rf "$APP"
cp -a "$CACHE/artemis-2.40" "$APP"

KUBELIFT=./kubelift
images_in() { grep -rhoE 'image: *"?[^" ]+' "$1/k8s" | awk '{ print $2 }' | tr -d '"' | sort -u; }
BASE_ARGS=()
[ "$BASE" = auto ] || BASE_ARGS=(--base "$BASE")

log "convert $APP -o $OUT"
"$KUBELIFT" convert "$APP" -o "$OUT" || [ $? -eq 1 ]   # 1: the report found legacy violations, as expected
if grep -q "path: $CACHE/artemis-2.40-home" "$OUT/plan.yaml" && grep -q 'at: homes/artemis-2.40-home' "$OUT/plan.yaml"; then
  pass "the plan names the broker's home outside the instance (spec.source.homes → /opt/app/homes/artemis-2.40-home)"
else
  fail "the plan does not name ARTEMIS_HOME in spec.source.homes"
fi

# where `artemis create` made the instance (its scripts and etc/bootstrap.xml name it) is recorded in the plan, and the
# generated ConfigMap's bootstrap.xml names broker.xml where the image holds it
if grep -q "installedAt:" "$OUT/plan.yaml" && grep -q -- "- path: $CACHE/artemis-2.40$" "$OUT/plan.yaml" \
    && grep -q 'configuration="file:/opt/app/etc//broker.xml"' "$OUT/k8s/base/broker-config-configmap.yaml" \
    && ! grep -q "$CACHE/artemis-2.40" "$OUT/k8s/base/broker-config-configmap.yaml"; then
  pass "the plan records the install location (spec.source.installedAt) and the ConfigMap's files name /opt/app instead"
else
  fail "the install location is not in spec.source.installedAt, or a ConfigMap file still names $CACHE/artemis-2.40"
fi

log "build $OUT/plan.yaml --to registry:$REGISTRY ${BASE_ARGS[*]}"
"$KUBELIFT" build "$OUT/plan.yaml" --to "registry:$REGISTRY" "${BASE_ARGS[@]}"
IMAGES="$(images_in "$OUT")"
while read -r img; do [ -n "$img" ] && echo "IMAGE $img"; done <<< "$IMAGES"
BROKER_IMAGE="$(grep -m1 -E '/broker@sha256:' <<< "$IMAGES" || true)"
[ -n "$BROKER_IMAGE" ] || { echo "artemis: FAILED — manifests do not reference the broker image by digest" >&2; exit 1; }

cleanup() {
  log "down $OUT --volumes"
  "$KUBELIFT" down "$OUT" --volumes || echo "artemis: WARNING — down did not remove everything" >&2
}
trap cleanup EXIT

# the distribution's own CLI, from the broker's image, in a second container on the network the Service names live
# on; it talks to the broker only through the generated Service's name and port
artemis_cli() {
  podman run --rm --network kubelift --entrypoint /opt/app/homes/artemis-2.40-home/bin/artemis "$BROKER_IMAGE" \
    "$@" --url tcp://broker:61616 --user "$USER_NAME" --password "$PASSWORD"
}
count_of() {  # $1 = Produced|Consumed, stdin = CLI output → the number of messages. The consumer prints a thread's
  # total twice ("thread=0 Consumed: 100 messages" before and after its timing lines): the last count of each thread,
  # summed over the threads
  grep -oE "thread=[0-9]+ $1: [0-9]+ messages" \
    | awk '{ sub("thread=", "", $1); n[$1] = $3 } END { for (t in n) s += n[t]; print s + 0 }'
}

log "up $OUT (waits for the readiness probe on the artemis port)"
if "$KUBELIFT" up "$OUT"; then pass "kubelift up: the broker's readiness probe passed"; else fail "kubelift up"; exit 1; fi

log "producing $N messages to queue e2e.orders through broker:61616"
PRODUCED="$(artemis_cli producer --destination queue://e2e.orders --message-count "$N" 2>&1 | tee "$WORK/producer.log" | count_of Produced)"
CONSUMED="$(artemis_cli consumer --destination queue://e2e.orders --message-count "$N" --receive-timeout 10000 --break-on-null 2>&1 | tee "$WORK/consumer.log" | count_of Consumed)"
echo "PRODUCED $PRODUCED CONSUMED $CONSUMED"
if [ "$PRODUCED" = "$N" ] && [ "$CONSUMED" = "$N" ]; then
  pass "$N messages sent and $N received through the Service from a second container"
else
  fail "sent $PRODUCED, received $CONSUMED of $N (logs: $WORK/producer.log, $WORK/consumer.log)"
fi

# the journal lives on the volume of the StatefulSet's claim for data/journal
if grep -q 'mountPath: /opt/app/data/journal' "$OUT/k8s/base/broker-statefulset.yaml"; then
  JOURNAL_VOLUME="$(podman volume ls --format '{{.Name}}' | grep -E 'journal.*broker-0$' | head -1)"
  MOUNT="$(podman volume inspect --format '{{.Mountpoint}}' "$JOURNAL_VOLUME" 2>/dev/null || true)"
  if [ -n "$MOUNT" ] && ls "$MOUNT" | grep -q '\.amq$'; then
    pass "the journal is on the claim's volume $JOURNAL_VOLUME: $(ls "$MOUNT" | grep -c '\.amq$') journal files"
  else
    fail "no journal files on a claim volume (volume '${JOURNAL_VOLUME:-none}')"
  fi
else
  fail "the StatefulSet mounts no volume at /opt/app/data/journal"
fi

log "sending $DURABLE durable messages to queue e2e.durable, then down and up again"
SENT="$(artemis_cli producer --destination queue://e2e.durable --message-count "$DURABLE" 2>&1 | count_of Produced)"
"$KUBELIFT" down "$OUT"
if podman volume exists "$JOURNAL_VOLUME"; then
  pass "kubelift down kept the claim's volume $JOURNAL_VOLUME (as a cluster keeps a StatefulSet's PVCs)"
else
  fail "kubelift down removed the claim's volume"
fi
"$KUBELIFT" up "$OUT"
KEPT="$(artemis_cli consumer --destination queue://e2e.durable --message-count "$DURABLE" --receive-timeout 10000 --break-on-null 2>&1 | tee "$WORK/durable.log" | count_of Consumed)"
echo "DURABLE_SENT $SENT DURABLE_RECEIVED_AFTER_RESTART $KEPT"
if [ "$SENT" = "$DURABLE" ] && [ "$KEPT" = "$DURABLE" ]; then
  pass "the $DURABLE durable messages sent before down were there after up"
else
  fail "durable messages: sent $SENT, received after down/up $KEPT (log: $WORK/durable.log)"
fi

trap - EXIT
cleanup
if podman volume exists "$JOURNAL_VOLUME"; then
  fail "kubelift down --volumes left $JOURNAL_VOLUME"
else
  pass "kubelift down --volumes removed the claims' volumes"
fi
log "done"
echo "artemis: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
