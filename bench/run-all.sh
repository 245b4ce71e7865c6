#!/usr/bin/env bash
# Reproduces every number in bench/README.md, in one run, on this machine. From the repository root:
#   bench/run-all.sh                 # everything (about 30 min on a loaded 2-core machine)
#   REPS=1 bench/run-all.sh jmh      # one section: build | jmh | heap | beforeafter | batch | maven | incremental | check
#   BEFORE_JAR=/tmp/benchmarks-before.jar bench/run-all.sh beforeafter   # an analyzer change, measured in one run
# Results: bench/target/results/{results.md,jmh.json,*.log}. Needs Java 17, Maven, network to Maven Central
# for the first build (Hadoop sources jars, JMH, JKube and Jib plugins); nothing else is downloaded.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

REPS="${REPS:-3}"                         # repetitions of each whole-process timing (spread = min..max)
BATCH_REPS="${BATCH_REPS:-$REPS}"
JMH_SOURCES="${JMH_SOURCES:-bench/target/hadoop-src/hadoop-yarn-server-nodemanager}"
JMH_WI="${JMH_WI:-3}" JMH_I="${JMH_I:-8}"   # the analyzer has more code to compile: one warm-up pass left it half-compiled (ratio 1.20–1.33 vs 1.03 warmed)
APPS="${APPS:-100}"                        # batch: copies of the fixtures
BATCH_RUNS="${BATCH_RUNS:-launcher:1 launcher:2 launcher:4 plain:1 plain:2}"   # command:jobs; the first is the baseline of the speed-up column
JKUBE_VERSION="${JKUBE_VERSION:-1.18.2}"   # org.eclipse.jkube:kubernetes-maven-plugin
JIB_VERSION="${JIB_VERSION:-3.5.2}"        # com.google.cloud.tools:jib-maven-plugin
CHECK_DOCS="${CHECK_DOCS:-100 1000 5000}"   # check: documents per manifest file
CHECK_REPS="${CHECK_REPS:-1}"
sections="${*:-build jmh heap beforeafter batch maven incremental check}"

res="$root/bench/target/results"
work="$root/bench/target/work"
mkdir -p "$res" "$work"
md="$res/results.md"
jar="$root/cli/target/kubelift.jar"
bench_jar="$root/bench/target/benchmarks.jar"

load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
# secs START END → elapsed seconds, 2 decimals
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# stats "t1 t2 ..." → "median (min–max)"
stats() { printf '%s\n' $1 | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%.2f (%.2f–%.2f)", m, v[1], v[NR] }'; }
median() { printf '%s\n' $1 | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# timed LOG CMD... → runs CMD (output to LOG), prints its wall seconds; fails the run when CMD fails
timed() { local log="$1"; shift; local s e; s=$(now); "$@" >>"$log" 2>&1 || { echo "FAILED: $* (see $log)" >&2; tail -20 "$log" >&2; return 1; }; e=$(now); secs "$s" "$e"; }
# timed_batch LOG CMD... → like timed, but exit code 3 (some apps did not convert; summary.json says which) is a result
timed_batch() { local log="$1"; shift; local s e rc=0; s=$(now); "$@" >>"$log" 2>&1 || rc=$?; e=$(now)
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { echo "FAILED ($rc): $* (see $log)" >&2; tail -20 "$log" >&2; return 1; }; secs "$s" "$e"; }
row() { echo "$*" | tee -a "$md"; }

has() { [[ " $sections " == *" $1 "* ]]; }

if has build; then
  echo "== build (mvn -Pbench package: CLI jar, benchmarks jar, Hadoop sources)"
  mvn -B -q -Pbench -pl cli,bench -am package -DskipTests
fi

{
  echo
  echo "## run of $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
       "$(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'); load average at start: $(load)"
} | tee -a "$md"

if has jmh; then
  echo "== JMH: analyzer vs bare javaparser on $JMH_SOURCES"
  l0=$(load)
  java -jar "$bench_jar" AnalysisBenchmark -p sources="$JMH_SOURCES" -wi "$JMH_WI" -i "$JMH_I" \
      -rf json -rff "$res/jmh.json" >"$res/jmh.log" 2>&1 || { tail -30 "$res/jmh.log"; exit 1; }
  l1=$(load)
  files=$(find "$JMH_SOURCES" -name '*.java' | wc -l)
  python3 - "$res/jmh.json" "$files" "$JMH_SOURCES" "$l0" "$l1" <<'PY' | tee -a "$md"
import json, sys
data = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"] for b in json.load(open(sys.argv[1]))}
a, p = data["analyzer"], data["javaparser"]
def fmt(m):
    raw = sorted(x for fork in m["rawData"] for x in fork)
    return f'{m["score"] / 1000:.2f} s (min {raw[0] / 1000:.2f}, max {raw[-1] / 1000:.2f}, n={len(raw)})'
print()
print(f"### Analysis vs the limit (JMH single-shot, {sys.argv[2]} .java files of {sys.argv[3].rsplit('/', 1)[-1]}, -Xmx1g)")
print()
print("| benchmark | time per pass | load avg (before → after) |")
print("|---|---|---|")
print(f"| bare javaparser (read + parse) | {fmt(p)} | {sys.argv[4]} → {sys.argv[5]} |")
print(f"| kubelift analyzer (scan + all parsers + detectors) | {fmt(a)} | |")
print(f"| **ratio analyzer / javaparser** | **{a['score'] / p['score']:.2f}** (goal ≤ 1.25) | |")
PY
fi

if has heap; then
  echo "== peak heap under -Xmx512m, all Hadoop sources"
  {
    echo
    echo "### Peak heap and CPU, whole workload ($(find bench/target/hadoop-src -name '*.java' | wc -l) .java files, 4 sources jars), java -Xmx512m, one fresh JVM each"
    echo
    echo "| run | result | load avg |"
    echo "|---|---|---|"
  } | tee -a "$md"
  for mode in javaparser analyzer; do
    l=$(load)
    line=$(java -Xmx512m -cp "$bench_jar" io.kubelift.bench.PeakHeap "$mode" bench/target/hadoop-src)
    echo "$line" >>"$res/heap.log"
    row "| $mode | \`$line\` | $l |"
  done
  a=$(grep mode=analyzer "$res/heap.log" | tail -1 | sed 's/.*cpuMs=\([0-9]*\).*/\1/')
  p=$(grep mode=javaparser "$res/heap.log" | tail -1 | sed 's/.*cpuMs=\([0-9]*\).*/\1/')
  row "| **CPU-time ratio analyzer / javaparser** | **$(ratio "$a" "$p")** | |"
fi

# Before/after of an analyzer change, same run: BEFORE_JAR=a benchmarks.jar built before the change.
if has beforeafter && [ -n "${BEFORE_JAR:-}" ]; then
  echo "== analyzer before/after ($BEFORE_JAR vs $bench_jar) on $JMH_SOURCES"
  b=""; a=""; bw=""; aw=""; l=$(load)
  for r in $(seq "$REPS"); do
    line=$(java -Xmx1g -cp "$BEFORE_JAR" io.kubelift.bench.PeakHeap analyzer "$JMH_SOURCES"); echo "before $line" >>"$res/beforeafter.log"
    b="$b $(echo "$line" | sed 's/.*cpuMs=\([0-9]*\).*/\1/')"; bw="$bw $(echo "$line" | sed 's/.* ms=\([0-9]*\).*/\1/')"
    line=$(java -Xmx1g -cp "$bench_jar" io.kubelift.bench.PeakHeap analyzer "$JMH_SOURCES"); echo "after $line" >>"$res/beforeafter.log"
    a="$a $(echo "$line" | sed 's/.*cpuMs=\([0-9]*\).*/\1/')"; aw="$aw $(echo "$line" | sed 's/.* ms=\([0-9]*\).*/\1/')"
  done
  {
    echo
    echo "### Analyzer before/after the JavaSourceParser change (one analysis per fresh JVM, $REPS runs interleaved, $(find "$JMH_SOURCES" -name '*.java' | wc -l) .java files; load avg at start $l)"
    echo
    echo "| analyzer | process CPU ms, median (min–max) | wall ms, median (min–max) |"
    echo "|---|---|---|"
    echo "| before | $(stats "$b") | $(stats "$bw") |"
    echo "| after | $(stats "$a") | $(stats "$aw") |"
    echo "| **after / before (CPU)** | **$(ratio "$(median "$a")" "$(median "$b")")** | $(ratio "$(median "$aw")" "$(median "$bw")") |"
  } | tee -a "$md"
fi

if has batch; then
  echo "== batch throughput: $APPS apps"
  apps="$work/batch/apps"
  rm -rf "$work/batch"; mkdir -p "$apps"
  fixtures=(samples/hadoop-yarn analyzer/src/test/resources/fixtures/*/)
  for i in $(seq 0 $((APPS - 1))); do
    src="${fixtures[$((i % ${#fixtures[@]}))]}"
    cp -r "${src%/}" "$apps/$(printf 'app-%03d' "$i")-$(basename "${src%/}")"
  done
  {
    echo
    echo "### Batch throughput: \`convert --batch\` over $APPS apps (copies of ${#fixtures[@]} fixtures: ${fixtures[*]}), whole process, $BATCH_REPS run(s) each"
    echo
    echo "\`./kubelift\` is the launcher users run (C1-only JIT, class-data-sharing archive); \`java -jar\` is the same jar with the JVM's defaults (C1 + C2), the baseline."
    echo
    echo "| command | --jobs | seconds, median (min–max) | apps/min (median) | speed-up vs ./kubelift --jobs 1 | load avg |"
    echo "|---|---|---|---|---|---|"
  } | tee -a "$md"
  "$root/kubelift" --version >/dev/null   # the launcher's one-off training run for its archive is not timed
  base=""
  for run in $BATCH_RUNS; do
    how="${run%%:*}" j="${run##*:}"
    case "$how" in
      launcher) cmd=("$root/kubelift") label="./kubelift" ;;
      plain) cmd=(java -jar "$jar") label="java -jar" ;;
      *) echo "BATCH_RUNS: unknown command '$how' (launcher or plain)" >&2; exit 2 ;;
    esac
    ts=""; l=$(load)
    for r in $(seq "$BATCH_REPS"); do
      rm -rf "$work/batch/out"
      ts="$ts $(timed_batch "$res/batch.log" "${cmd[@]}" convert --batch "$apps" -o "$work/batch/out" --jobs "$j")"
    done
    converted=$(grep -o '"status" *: *"[a-z]*"' "$work/batch/out/summary.json" | sed 's/"status" *: *//' | sort | uniq -c | tr -s ' ' | tr '\n' ';' || true)
    m=$(median "$ts"); [ -z "$base" ] && base=$m
    row "| $label | $j | $(stats "$ts") | $(awk -v n="$APPS" -v t="$m" 'BEGIN { printf "%.0f", n * 60 / t }') | $(ratio "$base" "$m")× | $l |"
  done
  row ""
  row "summary.json statuses of the last run: $converted"
fi

# Each tool gets its own copy of the project (same sources, packaged the same way), so no tool reads another's output
# (kubelift images carry the app's files; a jib-image.tar lying in target/ would be one of them).
proj="$work/peer/hello-service"      # JKube and Jib run here
klproj="$work/kubelift/hello-service" # kubelift reads this one
# Every Maven run that is timed runs offline (-o), so that no download is measured. What a section needs is fetched
# first, online, by one untimed run of the same goal in the same local repository: on a fresh machine nothing of the
# project's build, JKube or Jib is in the repository yet.
fetch() { # dir mvn-args...: one online run, untimed; a failure stops the bench with the log
  local dir="$1"; shift
  (cd "$dir" && mvn -B -q "$@") >>"$res/maven.log" 2>&1 || { echo "FAILED fetching for: mvn $* in $dir (see $res/maven.log)" >&2; tail -20 "$res/maven.log" >&2; exit 1; }
}
prepare_project() {
  local dir
  for dir in "$proj" "$klproj"; do
    rm -rf "$dir"; mkdir -p "$(dirname "$dir")"; cp -r bench/projects/hello-service "$dir"
  done
  fetch "$proj" package   # the project's dependencies and build plugins, into ~/.m2
  for dir in "$proj" "$klproj"; do
    (cd "$dir" && mvn -B -q -o package) >>"$res/maven.log" 2>&1
  done
}

if has maven || has incremental; then
  echo "== Maven project and base image"
  prepare_project
  # One base image for both image builders: kubelift's jlink runtime on scratch, as a docker-archive tar.
  rm -rf "$work/base"
  java -jar "$jar" convert "$klproj" -o "$work/base/out" >>"$res/maven.log" 2>&1
  java -jar "$jar" build "$work/base/out/plan.yaml" --to "tar:$work/base/img" --base jlink --cache "$work/base/cache" >>"$res/maven.log" 2>&1
  base_tar=$(ls "$work/base/img"/*.tar | head -1)
fi

# The kubelift Maven plugin is a SNAPSHOT of this checkout. It is never installed into ~/.m2 (shared between
# checkouts): it goes into a private local repository, a copy of ~/.m2 made once, and every Maven run of this
# section (JKube and Jib too, for the same conditions) uses that repository, offline.
priv="$root/bench/target/m2-private"
plugin_ready() { [ -d maven-plugin/src/main/java ] && [ -d "$priv/io/kubelift/kubelift-maven-plugin" ]; }
if has maven && [ -d maven-plugin/src/main/java ] && [ "${SKIP_PLUGIN_INSTALL:-}" != 1 ]; then
  echo "== kubelift Maven plugin into the private repository $priv"
  [ -d "$priv" ] || cp -r "$HOME/.m2/repository" "$priv"
  # online: the install plugin and the reactor's dependencies may not be in a fresh ~/.m2 (the copy) yet
  mvn -B -q install -DskipTests -Dinvoker.skip=true -Dmaven.repo.local="$priv" -pl maven-plugin -am >>"$res/maven.log" 2>&1
fi

if has maven; then
  echo "== Maven goal vs JKube, image build vs jib:buildTar ($REPS runs, interleaved)"
  repo=()
  plugin=no
  if plugin_ready; then plugin=yes; repo=(-Dmaven.repo.local="$priv"); fi
  klp="io.kubelift:kubelift-maven-plugin:$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')"
  # the peers' plugins (and what they resolve) into the repository the timed runs use, before they go offline
  fetch "$proj" "${repo[@]}" "org.eclipse.jkube:kubernetes-maven-plugin:$JKUBE_VERSION:resource"
  fetch "$proj" "${repo[@]}" "com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION:buildTar" "-Djib.from.image=tar://$base_tar" -Djib.to.image=hello-service:bench
  jk=""; kg=""; jb=""; kb=""; l=$(load)
  for r in $(seq "$REPS"); do
    jk="$jk $(cd "$proj" && timed "$res/maven.log" mvn -B -q -o "${repo[@]}" "org.eclipse.jkube:kubernetes-maven-plugin:$JKUBE_VERSION:resource")"
    if [ "$plugin" = yes ]; then
      kg="$kg $(cd "$klproj" && timed "$res/maven.log" mvn -B -q -o "${repo[@]}" "$klp:generate")"
    else
      kg="$kg $(timed "$res/maven.log" "$root/kubelift" convert "$klproj" -o "$work/kl-out" --force)"
    fi
    jb="$jb $(cd "$proj" && timed "$res/maven.log" mvn -B -q -o "${repo[@]}" "com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION:buildTar" \
        "-Djib.from.image=tar://$base_tar" -Djib.to.image=hello-service:bench)"
    if [ "$plugin" = yes ]; then
      kb="$kb $(cd "$klproj" && timed "$res/maven.log" mvn -B -q -o "${repo[@]}" "$klp:buildTar" "-Dkubelift.base=tar:$base_tar")"
    else
      kb="$kb $(timed "$res/maven.log" "$root/kubelift" build "$work/kl-out/plan.yaml" --to "tar:$work/kl-img" --base "tar:$base_tar" --cache "$work/kl-cache")"
    fi
  done
  if [ "$plugin" = yes ]; then kgn='`mvn kubelift:generate`'; kbn='`mvn kubelift:buildTar`'; else kgn='`kubelift convert` (CLI)'; kbn='`kubelift build --to tar:` (CLI)'; fi
  {
    echo
    echo "### Maven goal vs JKube, image build vs Jib (project bench/projects/hello-service, whole process, $REPS runs interleaved, warm caches after run 1; load avg at start $l)"
    echo
    echo "kubelift Maven plugin measured: $plugin — when 'no', the kubelift side is the CLI doing the same work (\`kubelift convert\`: analyze + generate + check + 4 report formats; \`kubelift build --to tar:\`)."
    echo
    echo "| peer | seconds, median (min–max) | kubelift | seconds, median (min–max) | ratio kubelift / peer |"
    echo "|---|---|---|---|---|"
    echo "| \`mvn k8s:resource\` (JKube $JKUBE_VERSION) | $(stats "$jk") | $kgn | $(stats "$kg") | **$(ratio "$(median "$kg")" "$(median "$jk")")** |"
    echo "| \`mvn jib:buildTar\` (Jib $JIB_VERSION, same base tar) | $(stats "$jb") | $kbn | $(stats "$kb") | **$(ratio "$(median "$kb")" "$(median "$jb")")** |"
  } | tee -a "$md"
fi

if has incremental; then
  echo "== incremental image rebuild after a one-class change"
  java -jar "$jar" convert "$klproj" -o "$work/kl-out" --force >>"$res/incremental.log" 2>&1
  # Jib's plugin into ~/.m2 before the offline runs (the maven section fetched it into its private repository only)
  fetch "$proj" "com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION:buildTar" "-Djib.from.image=tar://$base_tar" -Djib.to.image=hello-service:bench
  first=""; again=""; changed=""; jchanged=""; l=$(load)
  greeting="$klproj/src/main/java/com/example/hello/Greeting.java"
  jgreeting="$proj/src/main/java/com/example/hello/Greeting.java"
  for r in $(seq "$REPS"); do
    rm -rf "$work/inc-cache" "$work/inc-img"
    first="$first $(timed "$res/incremental.log" "$root/kubelift" build "$work/kl-out/plan.yaml" --to "tar:$work/inc-img" --base "tar:$base_tar" --cache "$work/inc-cache")"
    again="$again $(timed "$res/incremental.log" "$root/kubelift" build "$work/kl-out/plan.yaml" --to "tar:$work/inc-img" --base "tar:$base_tar" --cache "$work/inc-cache")"
    layers_before=$(tar -xOf "$(ls "$work/inc-img"/*.tar | head -1)" manifest.json)
    sed -i "s/\"hello[^\"]*, \"/\"hello ($r), \"/" "$greeting" "$jgreeting"   # a new greeting each run
    grep -q "hello ($r), " "$greeting" || { echo "the edit of $greeting did not apply" >&2; exit 1; }
    (cd "$klproj" && mvn -B -q -o package) >>"$res/incremental.log" 2>&1
    (cd "$proj" && mvn -B -q -o package) >>"$res/incremental.log" 2>&1
    changed="$changed $(timed "$res/incremental.log" "$root/kubelift" build "$work/kl-out/plan.yaml" --to "tar:$work/inc-img" --base "tar:$base_tar" --cache "$work/inc-cache")"
    layers_after=$(tar -xOf "$(ls "$work/inc-img"/*.tar | head -1)" manifest.json)
    layer_diff=$(python3 -c 'import json, sys
a, b = (json.loads(x)[0]["Layers"] for x in sys.argv[1:3])
print(f"{sum(1 for x, y in zip(a, b) if x != y)} of {len(b)} layers changed")' "$layers_before" "$layers_after")
    jchanged="$jchanged $(cd "$proj" && timed "$res/incremental.log" mvn -B -q -o "com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION:buildTar" \
        "-Djib.from.image=tar://$base_tar" -Djib.to.image=hello-service:bench)"
  done
  {
    echo
    echo "### Incremental image rebuild after a one-class change (\`kubelift build --to tar:\` twice with \`Greeting.java\` edited and \`mvn package\` in between; Jib layer cache; $REPS runs; load avg at start $l)"
    echo
    echo "| build | seconds, median (min–max) |"
    echo "|---|---|"
    echo "| first build, empty cache | $(stats "$first") |"
    echo "| rebuild, nothing changed | $(stats "$again") |"
    echo "| rebuild after the one-class change | $(stats "$changed") |"
    echo "| peer: \`mvn jib:buildTar\` after the same change | $(stats "$jchanged") |"
    echo
    echo "image layers after the change (last run): $layer_diff"
    echo
    echo "rebuild after the change / first build: **$(ratio "$(median "$changed")" "$(median "$first")")**; kubelift / jib after the change: **$(ratio "$(median "$changed")" "$(median "$jchanged")")**"
  } | tee -a "$md"
fi

if has check; then
  # Issue 15: `kubelift check` must be linear in the number of documents (1,000 took 71 s when it split the whole
  # file once per finding). Whole process, the same jar, every size in this one run.
  l=$(load)
  declare -A ct
  for n in $CHECK_DOCS; do
    python3 bench/check-manifests.py "$n" > "$work/check-$n.yaml"
    ts=""
    for ((r = 0; r < CHECK_REPS; r++)); do
      ts="$ts $(timed "$res/check.log" java -jar "$jar" check "$work/check-$n.yaml" --fail-on none -q -o "$work/check-$n.txt")"
    done
    ct[$n]=$(median "$ts")
  done
  first=${CHECK_DOCS%% *}
  {
    echo
    echo "### \`kubelift check\` on N documents (N/2 Deployments with their Services, one file; whole process \`java -jar\`, JVM start included; $CHECK_REPS run(s) each; load avg at start $l)"
    echo
    echo "| documents | seconds | ms per document | time / time($first) | documents / $first |"
    echo "|---|---|---|---|---|"
    for n in $CHECK_DOCS; do
      echo "| $n | ${ct[$n]} | $(awk -v t="${ct[$n]}" -v n="$n" 'BEGIN { printf "%.1f", 1000 * t / n }') | $(ratio "${ct[$n]}" "${ct[$first]}") | $(ratio "$n" "$first") |"
    done
    echo
    prev=""
    for n in $CHECK_DOCS; do
      if [ -n "$prev" ]; then
        echo "- from $prev to $n documents: $(awk -v a="${ct[$prev]}" -v b="${ct[$n]}" -v p="$prev" -v n="$n" 'BEGIN { printf "%.1f", 1000 * (b - a) / (n - p) }') ms per added document"
      fi
      prev=$n
    done
  } | tee -a "$md"
fi

echo "load average at end: $(load)" | tee -a "$md"
