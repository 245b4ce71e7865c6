#!/usr/bin/env bash
# Issue #14 §6: analysis of a big install stays bounded in time and memory. Runs `kubelift analyze` on the unpacked
# WildFly 36 distribution (~324 MB, 2,700 files, 785 jars; corpus/fetch unpacks it) and on Payara 6, each REPS times,
# with the launcher's JVM flags (default heap) and again under a hard -Xmx256m cap, and prints wall time, CPU time and
# peak RSS (GNU time) plus the load average, as a Markdown table.
#   bench/big-install.sh                     # wildfly-36 payara-6, REPS=3
#   REPS=1 bench/big-install.sh wildfly-36
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
REPS="${REPS:-3}"
apps="${*:-wildfly-36 payara-6}"
cache="${KUBELIFT_CORPUS_CACHE:-$HOME/.cache/kubelift/corpus}"
corpus/fetch $apps >/dev/null
./kubelift --version >/dev/null   # builds the jar (and its CDS archive) outside the timing
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "| app | size | files | JVM heap | run | wall s | CPU s (user+sys) | peak RSS MiB | exit | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for app in $apps; do
  dir="$cache/$app"
  size="$(du -sh "$dir" | cut -f1)"; files="$(find "$dir" -type f | wc -l)"
  for heap in default 256m; do
    for i in $(seq 1 "$REPS"); do
      opts=""; [ "$heap" != default ] && opts="-Xmx$heap"
      set +e
      KUBELIFT_JAVA_OPTS="$opts" /usr/bin/time -f '%e %U %S %M' -o "$work/t" ./kubelift --quiet analyze "$dir" -o "$work/plan.yaml" >/dev/null 2>"$work/err"
      code=$?
      set -e
      read -r wall user sys rss <"$work/t"
      printf '| %s | %s | %s | %s | %d | %.1f | %.1f | %d | %d | %s |\n' "$app" "$size" "$files" "$heap" "$i" "$wall" \
        "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$code" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
