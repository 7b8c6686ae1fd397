package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.at;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.innovation.SuccessfulPattern;
import io.convener.api.learning.OutcomeDirection;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A successful pattern reads each outcome's value in its declared direction: when the adopting
 * teams' lead time falls after adoption, the innovation worked and is pushed; when it rises, it is
 * not, although the raw numbers went up.
 */
class PatternDirectionTest {
  private final SpreadFixture f = new SpreadFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aFallingLowerIsBetterOutcomeIsAnImprovement() {
    load(OutcomeDirection.LOWER_IS_BETTER, 50, 35, 40, 30);
    SuccessfulPattern p = f.convener.innovation().pushIfSuccessful(admin(ACME), EventId.of("i1"));
    assertThat(p.teamsCompared()).isEqualTo(2);
    assertThat(p.teamsImproved()).isEqualTo(2);
    assertThat(p.meanUplift()).as("lead time fell by 15 and by 10").isCloseTo(12.5, within(1e-12));
    assertThat(p.successful()).isTrue();
    assertThat(p.notified()).isEqualTo(1);
    assertThat(f.channel().all(ACME)).extracting(n -> n.recipient().value()).containsExactly("di");
  }

  @Test
  void aRisingLowerIsBetterOutcomeIsASetback() {
    load(OutcomeDirection.LOWER_IS_BETTER, 35, 50, 30, 40);
    SuccessfulPattern p = f.convener.innovation().pushIfSuccessful(admin(ACME), EventId.of("i1"));
    assertThat(p.teamsImproved()).isZero();
    assertThat(p.meanUplift()).isCloseTo(-12.5, within(1e-12));
    assertThat(p.successful()).isFalse();
    assertThat(f.channel().all(ACME)).isEmpty();
  }

  @Test
  void anUndeclaredDirectionIsHigherIsBetter() {
    load(null, 35, 50, 30, 40);
    SuccessfulPattern p = f.convener.innovation().pushIfSuccessful(admin(ACME), EventId.of("i1"));
    assertThat(p.teamsImproved()).isEqualTo(2);
    assertThat(p.meanUplift()).isCloseTo(12.5, within(1e-12));
    assertThat(p.successful()).isTrue();
  }

  /** t-b and t-c adopt i1 on day 20; each reports before (day 10) and after (day 30); di leads t-d. */
  private void load(@Nullable OutcomeDirection direction, double bBefore, double bAfter, double cBefore, double cAfter) {
    f.members(ACME, "ana", "t-a", "bo", "t-b", "cy", "t-c", "di", "t-d");
    f.events(ACME,
        innovation("i1", "ana", "t-a", 0),
        adoption("a1", "i1", "bo", "t-b", 20, "t-a", null),
        adoption("a2", "i1", "cy", "t-c", 20, "t-a", null),
        outcome("o1", "bo", "t-b", 10, bBefore, direction), outcome("o2", "bo", "t-b", 30, bAfter, direction),
        outcome("o3", "cy", "t-c", 10, cBefore, direction), outcome("o4", "cy", "t-c", 30, cAfter, direction),
        outcome("o5", "di", "t-d", 10, 10, direction));
    f.direct(ACME, "di");
  }

  private static Event outcome(String id, String lead, String team, int day, double value,
      @Nullable OutcomeDirection direction) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("metric", "lead-time");
    attrs.put("value", value);
    if (direction != null) {
      attrs.put(OutcomeDirection.ATTR, direction.wireName());
    }
    return Event.builder(EventId.of(id), at(day), EventKind.OUTCOME, MemberId.of(lead)).team(TeamId.of(team))
        .attrs(Attrs.of(attrs)).build();
  }
}
