#!/usr/bin/env bash
# The distribution, as a user gets it: builds kubelift-VERSION.tar.gz and .zip (mvn -Pdist), unpacks the tarball
# into an empty directory and converts samples/hadoop-yarn with bin/kubelift alone: a PATH holding only java and
# coreutils (no Maven), an empty HOME (no ~/.m2), called through a symbolic link as after an install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -Pdist -DskipTests -Dinvoker.skip=true -pl cli -am package
version="$(sed -n 's|.*<artifactId>kubelift-parent</artifactId>.*<version>\(.*\)</version>.*|\1|p' cli/pom.xml)"
tgz="target/kubelift-$version.tar.gz" zip="target/kubelift-$version.zip"
[ -f "$tgz" ] && [ -f "$zip" ] || { echo "dist-test: $tgz or $zip was not made" >&2; exit 1; }

work="$(mktemp -d /tmp/kubelift-dist-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/install" "$work/home" "$work/path" "$work/zip"
tar -xzf "$tgz" -C "$work/install"
home="$work/install/kubelift-$version"
for f in bin/kubelift bin/kubelift.cmd lib/kubelift.jar docs/cli.md completion/kubelift.bash completion/_kubelift README.md; do
  [ -f "$home/$f" ] || { echo "dist-test: $f is missing from $tgz" >&2; exit 1; }
done
[ -x "$home/bin/kubelift" ] || { echo "dist-test: bin/kubelift is not executable" >&2; exit 1; }
# the zip holds the same files
(cd "$work/zip" && jar xf "$root/$zip")
diff <(cd "$work/install" && find . -type f | sort) <(cd "$work/zip" && find . -type f | sort)

# only java and the tools the launcher uses on the PATH
for t in java sh ls sed dirname; do ln -s "$(command -v "$t")" "$work/path/$t"; done
ln -s "$home/bin/kubelift" "$work/path/kubelift"
run() { env -i HOME="$work/home" PATH="$work/path" "$@"; }
run kubelift --version
run kubelift convert "$root/samples/hadoop-yarn" -o "$work/out"
grep -q "name: resourcemanager" "$work/out/plan.yaml"
grep -q "name: nodemanager" "$work/out/plan.yaml"
[ -f "$work/out/k8s/base/kustomization.yaml" ] || { echo "dist-test: no k8s/base/kustomization.yaml" >&2; exit 1; }
[ -z "$(ls -A "$work/home")" ] || { echo "dist-test: kubelift wrote into HOME: $(ls -A "$work/home")" >&2; exit 1; }
echo "dist-test: $tgz unpacked and converted samples/hadoop-yarn without Maven"
