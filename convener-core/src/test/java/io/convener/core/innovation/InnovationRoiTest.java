package io.convener.core.innovation;

import static io.convener.core.innovation.SpreadFixture.ACME;
import static io.convener.core.innovation.SpreadFixture.GLOBEX;
import static io.convener.core.innovation.SpreadFixture.adoption;
import static io.convener.core.innovation.SpreadFixture.admin;
import static io.convener.core.innovation.SpreadFixture.innovation;
import static io.convener.core.innovation.SpreadFixture.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.innovation.InnovationRoi;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.model.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ROI through the service: the estimate, not enough data, gate, provenance, tenants, bad input. */
class InnovationRoiTest {
  private static final EventId I1 = EventId.of("i1");
  private static final Duration W = Duration.ofDays(28);
  private SpreadFixture f;

  /** Teams a0..a3 adopt on day 40 and gain 4; c0..c3 never adopt; all rise 0.1 a day. */
  @BeforeEach
  void world() {
    f = new SpreadFixture();
    List<Event> events = new ArrayList<>();
    events.add(innovation("i1", "m-a0", "a0", 40));
    for (int t = 0; t < 4; t++) {
      if (t > 0) {
        events.add(adoption("ad" + t, "i1", "m-a" + t, "a" + t, 40, null, null));
      }
      for (int day = 14; day <= 66; day += 7) {
        double trend = 0.1 * day + t;
        events.add(outcome("oa" + t + "-" + day, "m-a" + t, "a" + t, day, trend + (day > 40 ? 4 : 0)));
        events.add(outcome("oc" + t + "-" + day, "m-c" + t, "c" + t, day, trend));
      }
    }
    f.events(ACME, events.toArray(Event[]::new));
    f.events(GLOBEX, innovation("g1", "x", "gx", 40));
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void estimatesTheDifferenceInDifferencesAgainstTheCommonTrend() {
    InnovationRoi r = spread().roi(admin(ACME), I1, Optional.empty(), W, W);
    assertThat(r.adoptingTeams()).isEqualTo(4);
    assertThat(r.comparisonTeams()).isEqualTo(4);
    InnovationRoi.Estimate e = r.estimate().orElseThrow();
    assertThat(e.effect()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(e.naiveChange()).isGreaterThan(e.effect() + 2);
    assertThat(e.low()).isLessThanOrEqualTo(e.effect());
    assertThat(e.high()).isGreaterThanOrEqualTo(e.effect());
    assertThat(spread().roi(admin(ACME), I1, Optional.empty(), W, W).estimate()).contains(e);
    assertThat(f.entries(ACME, DefaultInnovationSpread.ROI)).hasSize(2)
        .allSatisfy(p -> assertThat(p.generated()).containsExactly("innovation-roi:i1"));
  }

  @Test
  void tooFewTeamsIsAClearNotEnoughDataAnswer() {
    InnovationRoi r = spread().roi(admin(ACME), I1, Optional.of("velocity"), W, W);
    assertThat(r.estimate()).isEmpty();
    assertThat(r.notEnoughData()).contains("not enough data: needs at least 3 adopting and 3 comparison teams "
        + "with outcomes in both windows, has 0 and 0");
    InnovationRoi g = spread().roi(admin(GLOBEX), EventId.of("g1"), Optional.empty(), W, W);
    assertThat(g.adoptingTeams()).isZero();
    assertThat(g.estimate()).isEmpty();
  }

  @Test
  void badInputAndRolesAreRefused() {
    assertThatThrownBy(() -> spread().roi(admin(ACME), EventId.of("nope"), Optional.empty(), W, W))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no innovation nope");
    assertThatThrownBy(() -> spread().roi(admin(GLOBEX), I1, Optional.empty(), W, W))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> spread().roi(admin(ACME), I1, Optional.empty(), Duration.ZERO, W))
        .hasMessageContaining("before must be positive");
    assertThatThrownBy(() -> spread().roi(Principal.of(ACME, "m-a0", Role.MEMBER), I1, Optional.empty(), W, W))
        .isInstanceOf(AccessDeniedException.class);
  }

  private InnovationSpread spread() {
    return f.convener.innovation();
  }
}
