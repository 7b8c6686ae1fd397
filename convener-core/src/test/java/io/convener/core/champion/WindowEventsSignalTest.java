package io.convener.core.champion;

import static io.convener.core.champion.Scenario.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.PluginException;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.champion.RankedMember;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.core.Conveners;
import io.convener.spi.signal.Signal;
import io.convener.spi.signal.SignalValue;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import io.convener.spi.signal.WindowEvent;
import io.convener.spi.signal.WindowEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A signal computed from the window's events gets exactly the tenant's events of the window, from the snapshot. */
class WindowEventsSignalTest {
  /** Counts the reviews each member gave in the window, and keeps what it was given per tenant. */
  static final class ReviewsGiven implements Signal {
    final Map<TenantId, List<WindowEvent>> seen = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "reviews-given";
    }

    @Override
    public SignalValues compute(TenantId tenant, SignalWindow window, WindowEvents events) {
      List<WindowEvent> all = new ArrayList<>();
      events.forEach(all::add);
      assertThat(all).hasSize(events.size());
      seen.put(tenant, all);
      Map<MemberId, Integer> reviews = new HashMap<>();
      all.stream().filter(e -> e.kind() == EventKind.REVIEW).forEach(e -> reviews.merge(e.actor(), 1, Integer::sum));
      Map<MemberId, SignalValue> values = new HashMap<>();
      reviews.forEach((m, n) -> values.put(m, new SignalValue(n, List.of(n + " reviews"))));
      return new SignalValues(values);
    }
  }

  /** A signal that implements neither compute method. */
  static final class Incomplete implements Signal {
    @Override
    public String name() {
      return "incomplete";
    }
  }

  private static Convener open(Signal signal) {
    return Conveners.builder().database("jdbc:h2:mem:we-" + UUID.randomUUID()).inMemoryKeys()
        .module(new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), Signal.class).addBinding().toInstance(signal);
          }
        }).build();
  }

  @Test
  void theSignalSeesTheWindowsEventsOfItsTenantOnly() {
    ReviewsGiven signal = new ReviewsGiven();
    try (Convener c = open(signal)) {
      Scenario s = new Scenario(c, "we").base();
      Event review1 = s.event(EventKind.REVIEW, "e", 2, "d", "f");
      Event review2 = s.event(EventKind.REVIEW, "e", 1, "d");
      Event review3 = s.event(EventKind.REVIEW, "a", 1, "b");
      Event old = s.event(EventKind.REVIEW, "b", 40, "a");
      Event future = s.event(EventKind.REVIEW, "b", -1, "a");
      s.ingest(review1, review2, review3, old, future);
      Scenario other = new Scenario(c, "other").base();
      other.ingest(other.event(EventKind.REVIEW, "f", 1, "e"));

      ChampionRanking r = c.champions().rank(s.admin,
          ChampionQuery.builder().asOf(AS_OF).window(Duration.ofDays(30)).build());

      List<WindowEvent> seen = signal.seen.get(s.tenant);
      // base(): 8 replies, 3 endorsements, 2 reactions, 1 self-reply, 1 message, all within 10 days
      assertThat(seen).hasSize(15 + 3);
      assertThat(seen).extracting(e -> e.id().value()).doesNotContain(old.id().value(), future.id().value())
          .noneMatch(id -> id.startsWith("other-"));
      WindowEvent first = seen.stream().filter(e -> e.id().equals(review1.id())).findFirst().orElseThrow();
      assertThat(first.actor()).isEqualTo(MemberId.of("e"));
      assertThat(first.targets()).containsExactly(MemberId.of("d"), MemberId.of("f"));
      assertThat(first.at()).isEqualTo(review1.at());
      assertThat(first.kind()).isEqualTo(EventKind.REVIEW);
      assertThat(first.weight()).isEqualTo(1.0);

      RankedMember e = r.champions().stream().filter(x -> x.member().value().value().equals("e")).findFirst()
          .orElseThrow();
      RankedMember a = r.champions().stream().filter(x -> x.member().value().value().equals("a")).findFirst()
          .orElseThrow();
      assertThat(e.components()).as("e gave the most reviews").containsEntry("reviews-given", 1.0);
      assertThat(a.components()).as("one review of e's two").containsEntry("reviews-given", 0.5);
      assertThat(e.evidence().signals()).containsEntry("reviews-given", List.of("2 reviews"));
    }
  }

  @Test
  void aSignalThatImplementsNeitherMethodFailsTheRequestNamingIt() {
    try (Convener c = open(new Incomplete())) {
      Scenario s = new Scenario(c, "inc").base();
      assertThatThrownBy(() -> c.champions().rank(s.admin, ChampionQuery.builder().asOf(AS_OF).build()))
          .isInstanceOf(PluginException.class).hasMessageContaining("incomplete")
          .hasMessageContaining("neither compute method");
    }
  }
}
