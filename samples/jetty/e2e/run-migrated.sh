#!/usr/bin/env bash
# End-to-end proof for a web application server: the Eclipse Jetty 9.4 distribution of the corpus, with one small web
# app of ours deployed the legacy way (webapps/hello.war, its setting in resources/hello.properties), converted,
# built and played by kubelift itself.
#
#   samples/jetty/e2e/run-migrated.sh
#
# install (a copy of the unpacked distribution + our WAR + its config) → convert → build (Jib, local registry) → up →
# HTTP 200 with the app's own text on the published port and through the Service name from a second container →
# Jetty and the app log to the container log → the one edit a person makes (`kubelift override`: a new greeting in
# the ConfigMap) → build, down, up → the app answers with the new greeting → down.
# Nothing generated is edited and no manifest is written by hand.
#
# Environment:
#   KUBELIFT_REQUIRE_PODMAN=1   fail (instead of skip) when podman cannot be set up — CI sets it
#   KUBELIFT_E2E_OUT=DIR        work directory (default: a new temp dir)
#   KUBELIFT_E2E_REGISTRY=REF   image repository (default localhost:5000/kubelift-e2e)
#   KUBELIFT_E2E_BASE=debian    --base for build; "auto" lets kubelift choose
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
HERE=samples/jetty/e2e
WORK="${KUBELIFT_E2E_OUT:-$(mktemp -d -t kubelift-e2e-jetty.XXXXXX)}"
REGISTRY="${KUBELIFT_E2E_REGISTRY:-localhost:5000/kubelift-e2e}"
BASE="${KUBELIFT_E2E_BASE:-debian}"
CACHE="${KUBELIFT_CORPUS_CACHE:-$HOME/.cache/kubelift/corpus}"
APP="$WORK/jetty"
OUT="$WORK/out"
PORT=8080
START=$(date +%s)
PASSED=0; FAILED=0

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# 1. podman, runc, registry (installs them when missing; needs root)
if ! .ci/containers-setup.sh; then
  if [ "${KUBELIFT_REQUIRE_PODMAN:-0}" = 1 ]; then
    echo "jetty: FAILED — podman could not be set up (KUBELIFT_REQUIRE_PODMAN=1)" >&2
    exit 1
  fi
  echo "jetty: SKIPPED — podman is not available here (run as root on Debian, or set KUBELIFT_REQUIRE_PODMAN=1 to fail)"
  exit 0
fi

# 2. the legacy install: the corpus's Jetty 9.4 distribution (jetty.home used as jetty.base, as shipped), our WAR in
#    webapps/ (hot deployment, the deploy module of start.ini) and its setting in resources/ (the resources module
#    puts ${jetty.base}/resources on the server classpath, "useful for configuration property files")
corpus/fetch jetty-9.4 >/dev/null
mkdir -p "$WORK"
rm -rf "$APP"
cp -a "$CACHE/jetty-9.4" "$APP"
log "building $HERE/hello-war into $APP/webapps/hello.war"
WAR_BUILD="$WORK/war"
rm -rf "$WAR_BUILD"; mkdir -p "$WAR_BUILD/WEB-INF/classes"
javac -nowarn --release 8 -Xlint:-options -d "$WAR_BUILD/WEB-INF/classes" -cp "$APP/lib/servlet-api-3.1.jar" \
  "$HERE/hello-war/src/hello/HelloServlet.java"
cp "$HERE/hello-war/WEB-INF/web.xml" "$WAR_BUILD/WEB-INF/"
(cd "$WAR_BUILD" && jar --create --file "$APP/webapps/hello.war" --date=1980-01-01T00:00:02Z WEB-INF)
printf '# the greeting the hello web app answers with\ngreeting=Hello from the legacy install\n' \
  > "$APP/resources/hello.properties"

KUBELIFT=./kubelift
images_in() { grep -rhoE 'image: *"?[^" ]+' "$1/k8s" | awk '{ print $2 }' | tr -d '"' | sort -u; }
BASE_ARGS=()
[ "$BASE" = auto ] || BASE_ARGS=(--base "$BASE")

log "convert $APP -o $OUT"
"$KUBELIFT" convert "$APP" -o "$OUT" || [ $? -eq 1 ]   # 1: the report found legacy violations, as expected
grep -q 'path: resources/hello.properties' "$OUT/plan.yaml" \
  && pass "the plan puts resources/hello.properties into the jetty ConfigMap" \
  || fail "resources/hello.properties is not a config file of the plan"

log "build $OUT/plan.yaml --to registry:$REGISTRY ${BASE_ARGS[*]}"
"$KUBELIFT" build "$OUT/plan.yaml" --to "registry:$REGISTRY" "${BASE_ARGS[@]}"
IMAGES="$(images_in "$OUT")"
while read -r img; do [ -n "$img" ] && echo "IMAGE $img"; done <<< "$IMAGES"
grep -q '@sha256:' <<< "$IMAGES" || { echo "jetty: FAILED — manifests do not reference images by digest" >&2; exit 1; }

cleanup() {
  log "down $OUT"
  "$KUBELIFT" down "$OUT" || echo "jetty: WARNING — down did not remove everything" >&2
}
trap cleanup EXIT

# the app's answer: through the published port (the generated Service's port) from the host, and through the
# Service's name from a second container on the same network (the broker image has bash; no curl needed)
http_host() { curl -sS -o "$WORK/body" -w '%{http_code}' "http://127.0.0.1:$PORT/hello/" 2>/dev/null || echo 000; }
http_service() {  # $1 = image; prints the whole HTTP response
  podman run --rm --network kubelift --entrypoint bash "$1" -c \
    'exec 3<>/dev/tcp/jetty/8080 && printf "GET /hello/ HTTP/1.0\r\nHost: jetty\r\n\r\n" >&3 && cat <&3'
}
wait_for_greeting() {  # $1 = expected text; up to 120 s (the WAR deploys after the connector opens)
  for _ in $(seq 1 60); do
    CODE="$(http_host)"
    [ "$CODE" = 200 ] && grep -qF "$1" "$WORK/body" && return 0
    sleep 2
  done
  return 1
}

log "up $OUT (waits for the readiness probe)"
if "$KUBELIFT" up "$OUT"; then pass "kubelift up: the pod's readiness probe passed"; else fail "kubelift up"; exit 1; fi
CONTAINER="$(podman ps --format '{{.Names}}' | grep -E '^jetty-0-app$' | head -1)"  # the app container (init containers are kept by podman: see PlayTranslator)

if wait_for_greeting "Hello from the legacy install"; then
  pass "HTTP $CODE on port $PORT: $(cat "$WORK/body")"
else
  fail "no HTTP 200 with the app's text on port $PORT (last code ${CODE:-?})"
fi
JETTY_IMAGE="$(grep -m1 -oE 'localhost:5000[^" ]*jetty@sha256:[0-9a-f]+' <<< "$IMAGES")"
RESPONSE="$(http_service "$JETTY_IMAGE" 2>&1 || true)"
if grep -q '^HTTP/1.1 200' <<< "$RESPONSE" && grep -qF 'hello-app says: Hello from the legacy install' <<< "$RESPONSE"; then
  pass "through the Service name jetty:8080 from a second container: $(tail -1 <<< "$RESPONSE")"
else
  fail "the Service name jetty:8080 did not answer 200 from a second container: $RESPONSE"
fi
# the container log is written asynchronously (conmon): wait up to 20 s for both lines before judging
for _ in $(seq 1 20); do
  LOGS="$(podman logs "$CONTAINER" 2>&1 || true)"
  grep -q 'Started @' <<< "$LOGS" && grep -q "hello-app served /hello/" <<< "$LOGS" && break
  sleep 1
done
if grep -q 'Started @' <<< "$LOGS" && grep -q "hello-app served /hello/" <<< "$LOGS"; then
  pass "Jetty and the app log to the container log (podman logs): $(grep -m1 'hello-app served' <<< "$LOGS")"
else
  fail "the container log lacks Jetty's start line or the app's request line"
fi

# 3. the one edit a person makes: a new greeting. The setting lives in the ConfigMap kubelift generated from
#    resources/hello.properties; the supported way to change it is the plan (a configOverrides entry, written by
#    `kubelift override`), then build (which regenerates the manifests) and a new rollout (down + up here).
NEW_GREETING="Hello from a Kubernetes ConfigMap"
"$KUBELIFT" override "$OUT/plan.yaml" jetty resources/hello.properties "greeting=$NEW_GREETING" \
  --reason "the greeting of the migrated deployment"
"$KUBELIFT" build "$OUT/plan.yaml" --to "registry:$REGISTRY" "${BASE_ARGS[@]}"
if grep -qF "greeting=$NEW_GREETING" "$OUT/k8s/base/jetty-config-configmap.yaml"; then
  pass "the ConfigMap carries the new greeting"
else
  fail "the ConfigMap does not carry the new greeting"
fi
log "down + up with the edited ConfigMap"
"$KUBELIFT" down "$OUT"
"$KUBELIFT" up "$OUT"
if wait_for_greeting "$NEW_GREETING"; then
  pass "after the edit: HTTP $CODE: $(cat "$WORK/body")"
else
  fail "after the edit the app does not answer with the new greeting (code ${CODE:-?}: $(cat "$WORK/body" 2>/dev/null))"
fi

trap - EXIT
cleanup
log "done"
echo "jetty: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
