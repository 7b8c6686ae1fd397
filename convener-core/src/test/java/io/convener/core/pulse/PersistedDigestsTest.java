package io.convener.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.pulse.PulseAggregator;
import io.convener.api.pulse.PulseReport;
import io.convener.api.pulse.PulseRequest;
import io.convener.api.pulse.PulseScope;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.feedback.FeedbackMarks;
import io.convener.core.internal.gate.Gate;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.pulse.SentimentAnalyzer;
import io.convener.spi.storage.ChangeStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.PulseDigestStore;
import io.convener.spi.storage.PulseSettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new process answers the pulse from the persisted day digests (and the changes after their
 * position) exactly as a rollup rebuilt by scanning the events does, and as the process that
 * ingested them with its rollup listening: on seeded random tenants with replies before and after
 * their messages, self-replies, ties, sentiment, surveys (some malformed) and events after the
 * report's instant, the last batch stored past the digests (by a writer that did not digest it).
 */
class PersistedDigestsTest {
  private static final TenantId T = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(T, "admin", Role.ADMIN);

  @TempDir
  Path dir;

  static LongStream seeds() {
    return LongStream.of(1, 2, 3);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aNewProcessAnswersFromTheDigestsAsFromTheEvents(long seed) {
    System.out.println("PersistedDigestsTest seed " + seed);
    RandomTenant tenant = RandomTenant.of(seed);
    JdbcSettings db = JdbcSettings.h2File(dir.resolve("db-" + seed));
    List<PulseRequest> requests = requests(tenant);
    try (Convener first = open(db).getInstance(Convener.class)) {
      first.start();
      first.ingest().submit(ADMIN, tenant.members(), List.of());
      // The rollup exists before the events come, and the ingest feed tells it of each batch.
      first.pulse().report(ADMIN, requests.get(0));
      List<List<Event>> batches = tenant.batches(5);
      for (List<Event> b : batches.subList(0, 4)) {
        assertThat(first.ingest().submit(ADMIN, List.of(), b).rejectedCount()).isZero();
      }
      Injector second = open(db);
      Convener fresh = second.getInstance(Convener.class);
      fresh.start();
      PulseAggregator scanningFirst = scanning(second);
      for (PulseRequest r : requests) {
        assertSame(seed, r, first.pulse().report(ADMIN, r), scanningFirst.report(ADMIN, r));
      }

      // Stored by a writer that did not digest it, as by a process that stopped after committing.
      second.getInstance(EventStore.class).insert(T, batches.get(4));
      PulseDigestStore digests = second.getInstance(PulseDigestStore.class);
      long current = second.getInstance(ChangeStore.class).current(T);
      assertThat(digests.position(T).orElseThrow()).as("seed %d: the digests lag the last change", seed).isLessThan(current);
      try (fresh) {
        PulseAggregator scanning = scanning(second);
        for (int i = 0; i < requests.size(); i++) {
          assertSame(seed, requests.get(i), fresh.pulse().report(ADMIN, requests.get(i)),
              scanning.report(ADMIN, requests.get(i)));
        }
        assertThat(digests.position(T)).as("seed %d: the load wrote the changes it read", seed).hasValue(current);
      }
    }
  }

  private static Injector open(JdbcSettings db) {
    return Guice.createInjector(new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(db));
  }

  /** The pulse of a process whose rollups scan the events, as without digests. */
  private static PulseAggregator scanning(Injector injector) {
    Rollups rollups = new Rollups(injector.getInstance(MemberStore.class), injector.getInstance(EventStore.class),
        SentimentAnalyzer.NONE);
    return new DefaultPulseAggregator(injector.getInstance(Gate.class), injector.getInstance(ConsentEngine.class),
        rollups, new TenantSettings(injector.getInstance(PulseSettingsStore.class)),
        injector.getInstance(RiskNotifier.class), injector.getInstance(WatchList.class), PulseMemory.DEFAULT,
        injector.getInstance(FeedbackMarks.class));
  }

  private static List<PulseRequest> requests(RandomTenant tenant) {
    List<PulseRequest> out = new ArrayList<>();
    List<PulseScope> scopes = new ArrayList<>(tenant.teams().stream().map(PulseScope::team).toList());
    scopes.add(PulseScope.tenant());
    for (PulseScope s : scopes) {
      out.add(PulseRequest.of(s, RandomTenant.AS_OF));
      out.add(new PulseRequest(s, RandomTenant.AS_OF.minus(Duration.ofDays(9)).plusMillis(1234), Duration.ofDays(7)));
    }
    return out;
  }

  private static void assertSame(long seed, PulseRequest r, PulseReport actual, PulseReport expected) {
    String what = "seed " + seed + ", " + r.scope().wireName() + " as of " + r.asOf();
    assertThat(actual.suppressed()).as(what).isEqualTo(expected.suppressed());
    assertThat(actual.metrics()).as(what).isEqualTo(expected.metrics());
    assertThat(actual.baseline()).as(what).isEqualTo(expected.baseline());
    assertThat(actual.risks()).as(what).isEqualTo(expected.risks());
  }
}
