package io.convener.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.core.sentiment.LexiconSentimentAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Accuracy of the default sentiment analyzer ({@link LexiconSentimentAnalyzer}) on a public
 * labelled set: the UCI "Sentiment Labelled Sentences" (1,000 review sentences each from Amazon,
 * IMDb and Yelp, half positive, half negative), fetched by {@code
 * convener-benchmarks/scripts/fetch_sentiment_set.sh}. Prints, per source and overall: the share
 * of sentences the analyzer scores at all; polarity accuracy over every sentence, counting a score
 * of 0 or none as positive (the rule of the npm package {@code sentiment}'s own validation, so its
 * AFINN figures compare directly); polarity accuracy over the sentences scored non-zero; and the
 * Pearson (point-biserial) correlation of the score, 0 when none, with the label. Run by hand:
 *
 * <pre>
 * convener-benchmarks/scripts/fetch_sentiment_set.sh
 * ./mvnw -q -B package -DskipTests
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.SentimentAccuracy \
 *     convener-benchmarks/target/sentiment-set
 * </pre>
 */
public final class SentimentAccuracy {
  private static final List<String> SOURCES = List.of("amazon", "imdb", "yelp");

  private SentimentAccuracy() {}

  /**
   * Runs the measurement.
   *
   * @param args the directory the fetch script wrote (default {@code
   *     convener-benchmarks/target/sentiment-set})
   * @throws IOException when a file of the set cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "convener-benchmarks/target/sentiment-set");
    LexiconSentimentAnalyzer analyzer = LexiconSentimentAnalyzer.english();
    ObjectMapper json = new ObjectMapper();
    Tally all = new Tally();
    System.out.println("| set | sentences | scored | accuracy, all (0 or none = positive) | accuracy where scored ≠ 0 | correlation with label |");
    System.out.println("|---|---|---|---|---|---|");
    for (String source : SOURCES) {
      Path file = dir.resolve(source + ".json");
      if (!Files.isRegularFile(file)) {
        System.err.println("missing " + file + ": run convener-benchmarks/scripts/fetch_sentiment_set.sh first");
        System.exit(2);
      }
      Tally t = new Tally();
      for (JsonNode item : json.readTree(file.toFile())) {
        JsonNode label = item.get("class");
        if (label == null || !label.isInt() || item.path("text").asText().isBlank()) {
          continue; // each file ends with an empty, unlabelled entry
        }
        OptionalDouble score = analyzer.score(item.get("text").asText());
        t.add(score, label.asInt() == 1);
        all.add(score, label.asInt() == 1);
      }
      System.out.println(t.row(source));
    }
    System.out.println(all.row("all"));
  }

  /** Running counts and sums for accuracy and the correlation. */
  private static final class Tally {
    private long n;
    private long scored;
    private long rightAll;
    private long nonZero;
    private long rightNonZero;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    void add(OptionalDouble score, boolean positive) {
      double x = score.orElse(0);
      double y = positive ? 1 : 0;
      n++;
      scored += score.isPresent() ? 1 : 0;
      rightAll += (x >= 0) == positive ? 1 : 0;
      if (x != 0) {
        nonZero++;
        rightNonZero += (x > 0) == positive ? 1 : 0;
      }
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }

    String row(String name) {
      double cov = sxy / n - (sx / n) * (sy / n);
      double r = cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
      return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.3f | %.3f (%d of %d) | %.3f |", name, n,
          100.0 * scored / n, (double) rightAll / n, (double) rightNonZero / nonZero, nonZero, n, r);
    }
  }
}
