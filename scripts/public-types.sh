#!/usr/bin/env bash
# Counts the public top-level types of each module's main sources (public/total), so the
# "small public surfaces" numbers of docs/architecture.md can be reproduced:
#   scripts/public-types.sh            one line per module
#   scripts/public-types.sh -v         also lists each module's public types
# A top-level declaration is a class/interface/enum/record/@interface at column 0 (the layout
# google-java-format keeps, enforced by Spotless); nested types are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=${1:-}
decl='^((public|final|abstract|sealed|non-sealed|strictfp) )*(class|interface|enum|record|@interface) '
printf '%-14s %6s %6s\n' module public total
tp=0 tt=0
for m in model analyzer generator image runner checker core cli maven-plugin; do
    src=$m/src/main/java
    [ -d "$src" ] || continue
    total=$(grep -rEl --include='*.java' "$decl" "$src" | wc -l)
    pub=$(grep -rEl --include='*.java' '^((final|abstract|sealed|non-sealed|strictfp) )*public ((final|abstract|sealed|non-sealed|strictfp) )*(class|interface|enum|record|@interface) ' "$src" | wc -l)
    printf '%-14s %6d %6d\n' "$m" "$pub" "$total"
    tp=$((tp + pub)) tt=$((tt + total))
    if [ "$verbose" = -v ]; then
        grep -rEl --include='*.java' '^((final|abstract|sealed|non-sealed|strictfp) )*public ((final|abstract|sealed|non-sealed|strictfp) )*(class|interface|enum|record|@interface) ' "$src" \
            | sed "s#^$src/##; s#\.java\$##; s#/#.#g" | sort | sed 's/^/    /'
    fi
done
printf '%-14s %6d %6d\n' all "$tp" "$tt"
