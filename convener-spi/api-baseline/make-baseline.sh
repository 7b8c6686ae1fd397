#!/usr/bin/env bash
# Makes the API baselines that the japicmp checks compare against: convener-spi and convener-junit
# as built at a git ref (the release), each written as a file-based Maven repository in its
# module's api-baseline/ folder,
#   MODULE/api-baseline/io/convener/MODULE/VERSION/MODULE-VERSION.jar (and .pom)
# replacing the previous baseline, and the version written into MODULE/pom.xml
# (<convener.api.baseline>). Each release runs it once, on the release tag, and commits the result.
#
# Usage, from the repository root on a clean tree:
#   convener-spi/api-baseline/make-baseline.sh GIT_REF [VERSION]
# VERSION defaults to the ref's project version without -SNAPSHOT. The ref is exported with
# `git archive` into a temporary directory and built there (package, no tests), so the work tree's
# own state never enters the baseline. A module that does not exist at the ref is skipped.
# Extra Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 GIT_REF [VERSION]" >&2
  exit 2
fi
ref=$1
root=$(git rev-parse --show-toplevel)
modules=(convener-spi convener-junit)
commit=$(git -C "$root" rev-parse --verify --quiet "$ref^{commit}") || { echo "not a commit: $ref" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$work"

# The root pom's own version (its first top-level <version>), which the modules inherit.
project_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$work/pom.xml" | head -1)
version=${2:-${project_version%-SNAPSHOT}}
case "$version" in
  '' | *[!0-9A-Za-z.-]*) echo "bad version: '$version'" >&2; exit 2 ;;
esac

present=()
for module in "${modules[@]}"; do
  if [ -f "$work/$module/pom.xml" ]; then present+=("$module"); else echo "$module is not at $ref: skipped"; fi
done
list=$(IFS=,; echo "${present[*]}")
# Jar entries dated at the commit, so that the same ref always gives the same bytes.
stamp=$(git -C "$root" show -s --format=%cI "$commit")
echo "building $list at $ref ($commit) as baseline $version"
(cd "$work" && ./mvnw -B -q -ntp -pl "$list" -am package -Dmaven.test.skip=true -Djapicmp.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dproject.build.outputTimestamp="$stamp")

write_pom() { # module version commit
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- The API baseline of $1: built from commit $3 by make-baseline.sh. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.convener</groupId>
  <artifactId>$1</artifactId>
  <version>$2</version>
</project>
POM
}

for module in "${present[@]}"; do
  jar="$work/$module/target/$module-$project_version.jar"
  [ -f "$jar" ] || { echo "the build made no $jar" >&2; exit 1; }
  rm -rf "$root/$module/api-baseline/io"
  out="$root/$module/api-baseline/io/convener/$module/$version"
  mkdir -p "$out"
  cp "$jar" "$out/$module-$version.jar"
  write_pom "$module" "$version" "$commit" > "$out/$module-$version.pom"
  sed -i "s:<convener.api.baseline>[^<]*</convener.api.baseline>:<convener.api.baseline>$version</convener.api.baseline>:" \
    "$root/$module/pom.xml"
  grep -q "<convener.api.baseline>$version</convener.api.baseline>" "$root/$module/pom.xml" \
    || { echo "$module/pom.xml has no <convener.api.baseline> property to set" >&2; exit 1; }
  echo "wrote $out"
done
echo "check with: ./mvnw -B verify -pl $list"
