package io.convener.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default analyzer follows VADER's rules on hand-made English sentences. */
class LexiconSentimentAnalyzerTest {
  private static final LexiconSentimentAnalyzer EN = LexiconSentimentAnalyzer.english();

  private static double score(String text) {
    OptionalDouble s = EN.score(text);
    assertThat(s).as("a score for: " + text).isPresent();
    return s.getAsDouble();
  }

  @Test
  void oneWordIsItsLexiconValenceNormalised() {
    // "good" is 1.9 in the VADER lexicon; compound = 1.9 / sqrt(1.9² + 15), VADER's 0.4404.
    assertThat(score("The release is good")).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-12));
    assertThat(score("The release is good")).isCloseTo(0.4404, within(1e-4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"good", "helpful", "great", "bad", "awful", "confusing"})
  void negationFlipsTheSign(String word) {
    double plain = score("the review was " + word);
    for (String negated : List.of("the review was not " + word, "the review wasn't " + word,
        "the review wasn\u2019t " + word, "the review was never really " + word)) {
      assertThat(Math.signum(score(negated))).as(negated).isEqualTo(-Math.signum(plain));
    }
  }

  @Test
  void boostersIncreaseAndDampenersDecreaseTheIntensity() {
    assertThat(score("the fix is very good")).isGreaterThan(score("the fix is good"));
    assertThat(score("the fix is extremely bad")).isLessThan(score("the fix is bad"));
    assertThat(score("the fix is slightly good")).isLessThan(score("the fix is good")).isPositive();
    assertThat(score("the fix is somewhat bad")).isGreaterThan(score("the fix is bad")).isNegative();
  }

  @Test
  void capitalsAndExclamationMarksEmphasise() {
    assertThat(score("the fix is GOOD")).isGreaterThan(score("the fix is good"));
    assertThat(score("the fix is good!")).isGreaterThan(score("the fix is good"));
    assertThat(score("the fix is bad!!")).isLessThan(score("the fix is bad"));
    // At most four exclamation marks count.
    assertThat(score("the fix is good!!!!!!!")).isEqualTo(score("the fix is good!!!!"));
  }

  @Test
  void whatFollowsButWeighsMore() {
    assertThat(score("the demo was good, but the deploy was awful")).isNegative();
    assertThat(score("the demo was awful, but the deploy was good")).isPositive();
  }

  @Test
  void leastNegatesExceptInAtLeast() {
    assertThat(score("the least helpful review")).isNegative();
    assertThat(score("the review was helpful")).isPositive();
  }

  @Test
  void emojiAndEmoticonsCarrySentiment() {
    assertThat(score("👍")).isPositive();
    assertThat(score("👎")).isNegative();
    assertThat(score("😡")).isNegative();
    assertThat(score("🎉🎉")).isPositive();
    assertThat(score("nice work 🎉")).isGreaterThan(score("nice work"));
    assertThat(score("shipped it 👍🏽")).as("a skin tone does not change the emoji").isEqualTo(score("shipped it 👍"));
    assertThat(score("the build broke again 😭")).isLessThan(score("the build broke again"));
    // Not in Convener's table: read by its Unicode name, SMILING CAT FACE WITH HEART-SHAPED EYES.
    assertThat(score("😻")).isPositive();
    assertThat(score("thanks :)")).isGreaterThan(score("thanks"));
    assertThat(score("deploy failed :(")).isNegative();
    assertThat(score("not 👍")).as("an emoji is negated like a word").isNegative();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Meeting at 3pm in room 4", "https://example.org/x/y", "Réunion à quinze heures"})
  void textWithoutSentimentGetsNoScore(String text) {
    assertThat(EN.score(text)).isEmpty();
  }

  @Test
  void anEventIsScoredByItsTextAlone() {
    assertThat(EN.toString()).contains("english");
    Event event = Event.builder(EventId.of("e"), Instant.EPOCH, EventKind.MESSAGE, MemberId.of("m")).build();
    assertThat(EN.sentiment(TenantId.of("t"), event)).isEmpty();
    assertThat(EN.sentiment(TenantId.of("t"), event, "great work")).isEqualTo(EN.score("great work"));
  }

  /** Any mix of words, boosters, negations, emoji and punctuation scores within [-1, 1], the same each time. */
  @RepeatedTest(20)
  void scoresStayInRangeAndAreDeterministic(RepetitionInfo info) {
    long seed = 0x5E47L * info.getCurrentRepetition();
    System.out.println("seed " + seed);
    List<String> vocabulary = List.of("good", "bad", "not", "very", "but", "never", "so", "least", "at", "no",
        "GREAT", "awful", "kind", "of", "!!", "?", "👍", "😡", "🎉", ":)", "team", "deploy", "isn't", "without", "doubt");
    Random random = new Random(seed);
    for (int n = 0; n < 200; n++) {
      StringBuilder text = new StringBuilder();
      int words = random.nextInt(40);
      for (int i = 0; i < words; i++) {
        text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(random.nextBoolean() ? " " : "");
      }
      OptionalDouble s = EN.score(text.toString());
      if (s.isPresent()) {
        assertThat(s.getAsDouble()).as("seed %d: %s", seed, text).isBetween(-1.0, 1.0);
      }
      assertThat(EN.score(text.toString())).as("seed %d: %s", seed, text).isEqualTo(s);
    }
  }
}
