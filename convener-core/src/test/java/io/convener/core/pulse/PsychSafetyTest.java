package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edmondson's seven-item scale with answers whose scores were computed by hand: items 1, 3 and 5
 * reverse-scored as 8 − x, member score the mean of the seven items, team score the mean of the
 * member scores; r_wg(J) with J = 7 and σ²_E = (7² − 1) / 12 = 4.
 */
class PsychSafetyTest {
  private static byte[] recode(long... answers) {
    Event e = Event.builder(EventId.of("s"), Instant.EPOCH, EventKind.SURVEY, MemberId.of("m"))
        .attrs(Attrs.of(Map.of("instrument", "psych-safety-7", "answers", List.of(
            answers[0], answers[1], answers[2], answers[3], answers[4], answers[5], answers[6]))))
        .build();
    return PsychSafety.recoded(e).orElseThrow();
  }

  @Test
  void teamScoreIsTheMeanOfMemberMeansAfterReverseScoring() {
    byte[] a = recode(2, 6, 2, 6, 1, 6, 7); // 6 6 6 6 7 6 7 → 44/7
    byte[] b = recode(4, 4, 4, 4, 4, 4, 4); // 4
    byte[] c = recode(1, 7, 1, 7, 1, 7, 7); // 7
    byte[] d = recode(7, 1, 7, 1, 7, 1, 1); // 1
    assertThat(a).containsExactly(6, 6, 6, 6, 7, 6, 7);
    assertThat(PsychSafety.memberScore(a)).isCloseTo(44.0 / 7, within(1e-12));
    // (44/7 + 4 + 7 + 1) / 4 = (128/7) / 4 = 32/7 = 4.571428...
    assertThat(PsychSafety.teamScore(List.of(a, b, c, d)).getAsDouble()).isCloseTo(32.0 / 7, within(1e-12));
  }

  @Test
  void agreementIsRwgJ() {
    byte[] five = recode(3, 5, 3, 5, 3, 5, 5); // all items 5
    byte[] six = recode(2, 6, 2, 6, 2, 6, 6); // all items 6
    byte[] seven = recode(1, 7, 1, 7, 1, 7, 7); // all items 7
    // Each item's sample variance over (5, 6, 7) is 1, so s̄² = 1, s̄²/σ²_E = 0.25:
    // r_wg(7) = 7·0.75 / (7·0.75 + 0.25) = 5.25 / 5.5 = 0.954545...
    assertThat(PsychSafety.agreement(List.of(five, six, seven)).getAsDouble()).isCloseTo(5.25 / 5.5, within(1e-12));
    assertThat(PsychSafety.agreement(List.of(six, six, six)).getAsDouble()).isEqualTo(1.0);
    // Answers 1, 4 and 7 on every item: variance 9 > 4, more spread than chance: 0.
    byte[] one = recode(7, 1, 7, 1, 7, 1, 1);
    byte[] four = recode(4, 4, 4, 4, 4, 4, 4);
    assertThat(PsychSafety.agreement(List.of(one, four, seven)).getAsDouble()).isZero();
    assertThat(PsychSafety.agreement(List.of(six))).isEmpty();
  }

  @Test
  void otherInstrumentsAndMalformedAnswersAreIgnored() {
    Event other = Event.builder(EventId.of("s"), Instant.EPOCH, EventKind.SURVEY, MemberId.of("m"))
        .attrs(Attrs.of(Map.of("instrument", "enps", "answers", List.of(1, 2, 3, 4, 5, 6, 7)))).build();
    Event outOfRange = Event.builder(EventId.of("s"), Instant.EPOCH, EventKind.SURVEY, MemberId.of("m"))
        .attrs(Attrs.of(Map.of("instrument", "psych-safety-7", "answers", List.of(1, 2, 3, 4, 5, 6, 8)))).build();
    Event tooShort = Event.builder(EventId.of("s"), Instant.EPOCH, EventKind.SURVEY, MemberId.of("m"))
        .attrs(Attrs.of(Map.of("instrument", "psych-safety-7", "answers", List.of(1, 2, 3)))).build();
    assertThat(PsychSafety.recoded(other)).isEmpty();
    assertThat(PsychSafety.recoded(outOfRange)).isEmpty();
    assertThat(PsychSafety.recoded(tooShort)).isEmpty();
  }
}
