package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.model.Event;
import io.convener.api.pulse.PulseMetric;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.Conveners;
import io.convener.core.sentiment.LexiconSentimentAnalyzer;
import io.convener.spi.pulse.SentimentAnalyzer;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The optional {@code text} of an event line is scored at ingestion, by the default analyzer or the
 * host's, and the pulse counts that score; a sentiment the line states wins over its text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextSentimentTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<String> TEXTS = List.of(
      "Great demo, thanks a lot! 🎉", "The deploy is not working and I am frustrated", "very helpful review :)",
      "the new dashboard is wonderful 👍", "good idea, but the rollout was awful");

  /** Texts the host's analyzer saw, by tenant. */
  private final Map<String, List<String>> asked = new ConcurrentHashMap<>();
  private final Convener withDefault = convener(null);
  private final Convener withHost = convener(new SentimentAnalyzer() {
    @Override
    public OptionalDouble sentiment(TenantId tenant, Event event) {
      return OptionalDouble.empty();
    }

    /** Records the text and says -0.5; for tenant "failing", throws on a deploy and says 7 for "awful". */
    @Override
    public OptionalDouble sentiment(TenantId tenant, Event event, String text) {
      asked.computeIfAbsent(tenant.value(), t -> new CopyOnWriteArrayList<>()).add(text);
      if (tenant.value().equals("failing")) {
        if (text.contains("deploy")) {
          throw new IllegalStateException("cannot score " + text);
        }
        return OptionalDouble.of(text.contains("awful") ? 7 : 0.25);
      }
      return OptionalDouble.of(-0.5);
    }
  });
  private final Convener withEventOnly =
      convener((tenant, event) -> OptionalDouble.of(event.tags().contains("gloomy") ? -0.8 : 0.8));

  @AfterAll
  void close() {
    withDefault.close();
    withHost.close();
    withEventOnly.close();
  }

  @Test
  void theDefaultAnalyzerScoresTextAndThePulseCountsTheScore() {
    double expected = TEXTS.stream().mapToDouble(t -> LexiconSentimentAnalyzer.english().score(t).getAsDouble())
        .average().orElseThrow();
    IngestReport report = ingest(withDefault, "default", members() + events(TEXTS, null));
    assertThat(report.rejected()).isEmpty();
    assertThat(expected).isGreaterThan(0.1);
    assertThat(sentiment(withDefault, "default").getAsDouble()).isCloseTo(expected, within(1e-6));
  }

  @Test
  void aStatedSentimentWinsOverTheText() {
    ingest(withHost, "stated", members() + events(TEXTS, -0.3));
    assertThat(sentiment(withHost, "stated").getAsDouble()).isCloseTo(-0.3, within(1e-6));
    assertThat(asked.get("stated")).as("texts the analyzer saw").isNull();
  }

  @Test
  void aHostsAnalyzerReplacesTheDefaultAndSeesTheText() {
    ingest(withHost, "host", members() + events(TEXTS, null));
    assertThat(sentiment(withHost, "host").getAsDouble()).as("the default would say otherwise").isCloseTo(-0.5, within(1e-6));
    assertThat(asked.get("host")).containsExactlyInAnyOrderElementsOf(TEXTS);
  }

  @Test
  void anAnalyzerThatOnlyKnowsEventsIsAskedForEventsWithText() {
    ingest(withEventOnly, "tags", members() + events(TEXTS, null).replace("\"kind\"", "\"tags\":[\"gloomy\"],\"kind\""));
    assertThat(sentiment(withEventOnly, "tags").getAsDouble()).isCloseTo(-0.8, within(1e-6));
  }

  @Test
  void aFailingOrOutOfRangeAnalyzerLeavesTheEventUnscoredAndTheRestIsTaken() {
    IngestReport report = ingest(withHost, "failing", members() + events(TEXTS, null));
    assertThat(report.rejected()).isEmpty();
    assertThat(report.events()).isEqualTo(TEXTS.size());
    assertThat(asked.get("failing")).hasSize(TEXTS.size());
    assertThat(sentiment(withHost, "failing").getAsDouble()).as("three scored 0.25, two unscored").isCloseTo(0.25, within(1e-6));
  }

  @Test
  void textThatIsNotAStringIsRejectedNamingTheFieldAndLine() {
    IngestReport report = ingest(withDefault, "rejects", members()
        + "{\"id\":\"bad\",\"at\":\"2026-10-31T10:00:00Z\",\"kind\":\"message\",\"actor\":\"m0\",\"text\":42}\n"
        + events(TEXTS, null));
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(6);
      assertThat(r.field()).hasValue("text");
      assertThat(r.reason()).contains("string");
    });
    assertThat(report.events()).isEqualTo(TEXTS.size());
  }

  @Test
  void aCsvTextColumnIsScoredToo() {
    StringBuilder csv = new StringBuilder("type,id,at,kind,actor,teams,text\n");
    for (int i = 0; i < 5; i++) {
      csv.append("member,m").append(i).append(",,,,t,\n");
    }
    for (int i = 0; i < TEXTS.size(); i++) {
      csv.append("event,e").append(i).append(",2026-10-31T1").append(i).append(":00:00Z,message,m").append(i)
          .append(",,\"").append(TEXTS.get(i)).append("\"\n");
    }
    IngestReport report = withDefault.ingest()
        .stream(admin("csv"), new ByteArrayInputStream(csv.toString().getBytes(UTF_8)), InputFormat.CSV);
    assertThat(report.rejected()).isEmpty();
    double expected = TEXTS.stream().mapToDouble(t -> LexiconSentimentAnalyzer.english().score(t).getAsDouble())
        .average().orElseThrow();
    assertThat(sentiment(withDefault, "csv").getAsDouble()).isCloseTo(expected, within(1e-6));
  }

  private static Convener convener(@Nullable SentimentAnalyzer host) {
    Module module = host == null ? binder -> {}
        : binder -> OptionalBinder.newOptionalBinder(binder, SentimentAnalyzer.class).setBinding().toInstance(host);
    return Conveners.builder().database("jdbc:h2:mem:text-" + UUID.randomUUID()).module(module).build();
  }

  private static Principal admin(String tenant) {
    return Principal.of(TenantId.of(tenant), "admin", Role.ADMIN);
  }

  private static IngestReport ingest(Convener c, String tenant, String jsonl) {
    return c.ingest().stream(admin(tenant), new ByteArrayInputStream(jsonl.getBytes(UTF_8)), InputFormat.JSON_LINES);
  }

  private static OptionalDouble sentiment(Convener c, String tenant) {
    return c.pulse().report(admin(tenant), PulseRequest.of(PulseScope.team(TeamId.of("t")), AS_OF))
        .metrics().get(PulseMetric.SENTIMENT);
  }

  private static String members() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append("{\"type\":\"member\",\"id\":\"m").append(i).append("\",\"teams\":[\"t\"]}\n");
    }
    return b.toString();
  }

  /** One message per text, by m0..m4, on the day before {@code AS_OF}, with this sentiment if any. */
  private static String events(List<String> texts, @Nullable Double sentiment) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      b.append("{\"id\":\"e").append(i).append("\",\"at\":\"2026-10-31T1").append(i).append(":00:00Z\",\"kind\":\"message\",")
          .append("\"actor\":\"m").append(i % 5).append("\",\"text\":\"").append(texts.get(i)).append('"')
          .append(sentiment == null ? "" : ",\"sentiment\":" + sentiment).append("}\n");
    }
    return b.toString();
  }
}
