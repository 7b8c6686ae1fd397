package io.convener.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.AccessDeniedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.RateLimitedException;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.core.internal.provenance.BatchCounts;
import io.convener.spi.storage.ProvenanceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of public calls by principals of several tenants, with every role mix, through
 * the real choke point and an H2 store: nothing crosses a tenant boundary (no entry, event or
 * query result of one tenant reaches another, and a call naming another tenant's checkpoint is
 * denied), and every call, whether it succeeded, was denied (role, tenant boundary, rate limit) or
 * failed, left exactly one provenance entry, in order, in its principal's tenant.
 *
 * <p>One engine serves all seeds (so rate limits and stored data accumulate, as in a real host);
 * each seed uses tenants of its own, draws its calls from a {@link SplittableRandom} seeded with
 * it, and names the seed in any failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChokePointPropertiesTest {
  private static final int TENANTS = 3;
  /** Each tenant's principals: an admin, a compliance officer, a member. */
  private static final List<Set<Role>> ROLES = List.of(Set.of(Role.ADMIN), Set.of(Role.COMPLIANCE_OFFICER), Set.of(Role.MEMBER));

  /** How often each kind of ending was seen over all seeds: the property must have met each. */
  private final Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
  private @Nullable Convener convener;
  private @Nullable Injector injector;

  enum Kind { SUBMIT, QUERY, VERIFY, CHECKPOINT, VERIFY_AGAINST, PROVE, INGEST_UNREADABLE }

  /** One call: which tenant's which principal does what, with a small argument. */
  record Call(int tenant, int principal, Kind kind, int arg) {}

  @BeforeAll
  void open() {
    RateLimits limits = RateLimits.defaults()
        .with("provenance.verify", new RateLimits.Quota(1, Duration.ofHours(1)))
        .with("ingest", new RateLimits.Quota(2, Duration.ofHours(1)));
    injector = Guice.createInjector(new ConvenerModule(ConvenerSettings.defaults().withRateLimits(limits)),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:choke-" + UUID.randomUUID())));
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  @AfterAll
  void close() {
    if (convener != null) {
      convener.close();
    }
    assertThat(seen).as("endings the generated calls met").containsKeys(
        "OK", "DENIED", "FAILED", "tenant boundary", "role", "rate limit");
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  /** One to 40 calls, each of any tenant, principal and kind, with an argument from 0 to 6. */
  static List<Call> calls(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Kind[] kinds = Kind.values();
    List<Call> calls = new ArrayList<>();
    for (int i = 1 + random.nextInt(40); i > 0; i--) {
      calls.add(new Call(random.nextInt(TENANTS), random.nextInt(ROLES.size()), kinds[random.nextInt(kinds.length)],
          random.nextInt(7)));
    }
    return calls;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nothingCrossesATenantAndEveryCallLeavesExactlyOneEntry(long seed) {
    try {
      check(seed, calls(seed));
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private void check(long seed, List<Call> calls) {
    Convener c = java.util.Objects.requireNonNull(convener);
    Injector in = java.util.Objects.requireNonNull(injector);
    List<TenantId> tenants = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      tenants.add(TenantId.of("seed" + seed + "-t" + t));
    }
    Map<Integer, List<Expected>> expected = new HashMap<>();
    Map<Integer, Set<String>> events = new HashMap<>();
    Map<Integer, Checkpoint> checkpoints = new HashMap<>();

    for (Call call : calls) {
      TenantId tenant = tenants.get(call.tenant());
      Principal p = new Principal(tenant, tenant + "-s" + call.principal(), ROLES.get(call.principal()), Set.of());
      if (call.kind() == Kind.VERIFY_AGAINST && !checkpoints.containsKey(call.arg() % TENANTS)) {
        continue; // nothing saved yet to check against
      }
      Outcome.Status status;
      try {
        run(c, p, call, tenants, checkpoints, events);
        status = Outcome.Status.OK;
      } catch (AccessDeniedException e) {
        status = Outcome.Status.DENIED;
        seen.merge(e.getMessage().contains("tenant boundary") ? "tenant boundary" : "role", 1, Integer::sum);
      } catch (RateLimitedException e) {
        status = Outcome.Status.DENIED;
        seen.merge("rate limit", 1, Integer::sum);
      } catch (RuntimeException e) {
        status = Outcome.Status.FAILED;
      }
      seen.merge(status.name(), 1, Integer::sum);
      expected.computeIfAbsent(call.tenant(), k -> new ArrayList<>()).add(new Expected(p.subject(), activity(call.kind()), status));
    }

    ProvenanceStore store = in.getInstance(ProvenanceStore.class);
    EventStore eventStore = in.getInstance(EventStore.class);
    for (int t = 0; t < TENANTS; t++) {
      TenantId tenant = tenants.get(t);
      List<ProvenanceRow> rows = store.range(tenant, 0, 10_000);
      List<Expected> got = new ArrayList<>();
      for (ProvenanceRow row : rows) {
        assertThat(row.entry().tenant()).isEqualTo(tenant);
        if (row.entry().activity().equals(BatchCounts.ACTIVITY)) {
          continue; // the entry of a batch an ingestion committed, not of a call
        }
        got.add(new Expected(row.entry().agent().id(), row.entry().activity(), row.entry().outcome().status()));
      }
      assertThat(got).as("entries of " + tenant).containsExactlyElementsOf(expected.getOrDefault(t, List.of()));
      Set<String> stored = new HashSet<>();
      eventStore.scan(tenant, EventQuery.all(), e -> stored.add(e.id().value()));
      assertThat(stored).as("events of " + tenant).isEqualTo(events.getOrDefault(t, Set.of()));
    }
  }

  /** What one call's entry must say. */
  record Expected(String agent, String activity, Outcome.Status status) {}

  private static String activity(Kind kind) {
    return switch (kind) {
      case SUBMIT, INGEST_UNREADABLE -> "ingest";
      case QUERY -> "provenance.query";
      case VERIFY, VERIFY_AGAINST -> "provenance.verify";
      case CHECKPOINT -> "provenance.checkpoint";
      case PROVE -> "provenance.prove";
    };
  }

  private static void run(Convener c, Principal p, Call call, List<TenantId> tenants, Map<Integer, Checkpoint> checkpoints,
      Map<Integer, Set<String>> events) {
    switch (call.kind()) {
      case SUBMIT -> {
        // The same small set of ids in every tenant: a leak would show as a wrong count or id.
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i <= call.arg(); i++) {
          batch.add(Event.builder(EventId.of("e" + (i * 3 + call.arg()) % 7), Instant.parse("2026-11-02T09:00:00Z"),
              EventKind.MESSAGE, MemberId.of("m" + i)).build());
        }
        c.ingest().submit(p, List.of(Member.of(MemberId.of("m0"))), batch);
        batch.forEach(e -> events.computeIfAbsent(call.tenant(), k -> new HashSet<>()).add(e.id().value()));
      }
      case QUERY -> {
        List<ProvenanceEntry> page = c.provenance().query(p, ProvenanceQuery.builder().limit(1000).build()).entries();
        assertThat(page).allSatisfy(e -> {
          assertThat(e.tenant()).isEqualTo(p.tenant());
          assertThat(e.agent().id()).startsWith(p.tenant() + "-");
        });
      }
      case VERIFY -> assertThat(c.provenance().verify(p).verified()).isTrue();
      case CHECKPOINT -> checkpoints.put(call.tenant(), c.provenance().checkpoint(p));
      case VERIFY_AGAINST -> {
        Checkpoint saved = checkpoints.get(call.arg() % TENANTS);
        assertThat(c.provenance().verify(p, saved).verified()).isTrue();
        assertThat(saved.tenant()).isEqualTo(p.tenant()); // else the call must have been denied
      }
      case PROVE -> c.provenance().proveEntry(p, call.arg());
      case INGEST_UNREADABLE -> c.ingest().file(p, Path.of("no-such-file-" + call.arg() + ".jsonl"));
    }
  }
}
