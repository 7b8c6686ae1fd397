#!/usr/bin/env bash
# Makes the API baseline that the japicmp check of convener-spi compares against: convener-spi as
# built at a git ref (the release), written here as a file-based Maven repository,
#   io/convener/convener-spi/VERSION/convener-spi-VERSION.jar (and .pom)
# replacing the previous baseline, and the version written into convener-spi/pom.xml
# (<convener.api.baseline>). Each release runs it once, on the release tag, and commits the result.
#
# Usage, from the repository root on a clean tree:
#   convener-spi/api-baseline/make-baseline.sh GIT_REF [VERSION]
# VERSION defaults to the ref's project version without -SNAPSHOT. The ref is exported with
# `git archive` into a temporary directory and built there (package, no tests), so the work tree's
# own state never enters the baseline. Extra Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 GIT_REF [VERSION]" >&2
  exit 2
fi
ref=$1
root=$(git rev-parse --show-toplevel)
here="$root/convener-spi/api-baseline"
commit=$(git -C "$root" rev-parse --verify --quiet "$ref^{commit}") || { echo "not a commit: $ref" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$work"

# The root pom's own version (its first top-level <version>), which convener-spi inherits.
project_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$work/pom.xml" | head -1)
version=${2:-${project_version%-SNAPSHOT}}
case "$version" in
  '' | *[!0-9A-Za-z.-]*) echo "bad version: '$version'" >&2; exit 2 ;;
esac

echo "building convener-spi at $ref ($commit) as baseline $version"
(cd "$work" && ./mvnw -B -q -ntp -pl convener-spi -am package -Dmaven.test.skip=true -Djapicmp.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
jar="$work/convener-spi/target/convener-spi-$project_version.jar"
[ -f "$jar" ] || { echo "the build made no $jar" >&2; exit 1; }

rm -rf "$here/io"
out="$here/io/convener/convener-spi/$version"
mkdir -p "$out"
cp "$jar" "$out/convener-spi-$version.jar"
cat > "$out/convener-spi-$version.pom" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- The API baseline of convener-spi: built from commit $commit by make-baseline.sh. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.convener</groupId>
  <artifactId>convener-spi</artifactId>
  <version>$version</version>
</project>
EOF
sed -i "s:<convener.api.baseline>[^<]*</convener.api.baseline>:<convener.api.baseline>$version</convener.api.baseline>:" \
  "$root/convener-spi/pom.xml"
grep -q "<convener.api.baseline>$version</convener.api.baseline>" "$root/convener-spi/pom.xml" \
  || { echo "convener-spi/pom.xml has no <convener.api.baseline> property to set" >&2; exit 1; }
echo "wrote $out; check it with: ./mvnw -B verify -pl convener-spi"
