#!/usr/bin/env bash
# Fetches a public labelled sentiment set for SentimentAccuracy: the UCI "Sentiment Labelled
# Sentences" data set (Kotzias, Denil, de Freitas and Smyth, "From Group to Individual Labels using
# Deep Features", KDD 2015; 1,000 sentences each from Amazon, IMDb and Yelp reviews, labelled
# 1 = positive, 0 = negative; UCI Machine Learning Repository, CC BY 4.0), as the npm package
# sentiment 5.0.2 (MIT) ships it in test/fixtures/{amazon,imdb,yelp}.json.
#
# Usage: convener-benchmarks/scripts/fetch_sentiment_set.sh [OUT_DIR]
#   OUT_DIR defaults to convener-benchmarks/target/sentiment-set. Needs npm, tar and sha256sum.
# The data stays out of the repository: it is fetched by this script, checked against the
# package's SHA-256, and written with a SOURCE.txt that names its origin and licences.
set -euo pipefail

PACKAGE=sentiment@5.0.2
TARBALL=sentiment-5.0.2.tgz
SHA256=89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f
OUT=${1:-convener-benchmarks/target/sentiment-set}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
echo "$SHA256  $work/$TARBALL" | sha256sum --check --quiet
tar -xzf "$work/$TARBALL" -C "$work" package/LICENSE.md \
  package/test/fixtures/amazon.json package/test/fixtures/imdb.json package/test/fixtures/yelp.json
mkdir -p "$OUT"
cp "$work"/package/test/fixtures/{amazon,imdb,yelp}.json "$OUT"/
cp "$work/package/LICENSE.md" "$OUT/LICENSE-sentiment-npm.md"
cat > "$OUT/SOURCE.txt" <<TXT
amazon.json, imdb.json, yelp.json: the UCI "Sentiment Labelled Sentences" data set
(D. Kotzias, M. Denil, N. de Freitas, P. Smyth, "From Group to Individual Labels using Deep
Features", KDD 2015), UCI Machine Learning Repository, licensed CC BY 4.0, as shipped in the npm
package $PACKAGE (MIT, see LICENSE-sentiment-npm.md), files test/fixtures/*.json.
Package SHA-256: $SHA256
Each file is a JSON array of {"text": sentence, "class": 1 positive | 0 negative}.
TXT
echo "$OUT"
