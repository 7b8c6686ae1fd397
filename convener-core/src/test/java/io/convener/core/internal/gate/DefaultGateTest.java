package io.convener.core.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.Principal;
import io.convener.api.RateLimitedException;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import io.convener.core.internal.provenance.CanonicalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The choke point: its order of checks, and exactly one entry per call whatever happens. */
class DefaultGateTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Principal ADMIN = Principal.of(ACME, "ada", Role.ADMIN);
  private static final Principal MEMBER = Principal.of(ACME, "mo", Role.MEMBER);

  /** Records drafts in memory. */
  static final class Recorded implements ProvenanceRecorder {
    final List<TenantId> tenants = new ArrayList<>();
    final List<EntryDraft> drafts = new ArrayList<>();
    boolean fail;

    @Override
    public long record(TenantId tenant, EntryDraft draft) {
      if (fail) {
        throw new StorageException("log down", new IllegalStateException());
      }
      tenants.add(tenant);
      drafts.add(draft);
      return drafts.size() - 1;
    }

    @Override
    public List<Long> recordAll(TenantId tenant, List<EntryDraft> all) {
      List<Long> ids = new ArrayList<>();
      all.forEach(d -> ids.add(record(tenant, d)));
      return ids;
    }
  }

  private final Recorded log = new Recorded();
  private final AtomicInteger runs = new AtomicInteger();

  private DefaultGate gate(RateLimits limits, ConsentFilter consent) {
    return new DefaultGate(log, new TenantRateLimiter(ConvenerSettings.defaults().withRateLimits(limits)), consent);
  }

  private DefaultGate gate() {
    return gate(RateLimits.defaults(), ConsentFilter.IDENTITY);
  }

  private Invocation.Builder<String> call() {
    return Invocation.<String>of("thing.read", tenant -> {
      runs.incrementAndGet();
      return "result of " + tenant;
    }).roles(Role.ADMIN, Role.COMPLIANCE_OFFICER);
  }

  @Test
  void aSuccessfulCallRunsOnThePrincipalsTenantAndWritesOneOkEntry() {
    String result = gate().invoke(ADMIN, call()
        .inputs(() -> Map.of("q", "x"))
        .used(() -> List.of("input:1"))
        .generated(r -> List.of("out:" + r.length()))
        .stamp((r, id) -> r + " #" + id)
        .build());

    assertThat(result).isEqualTo("result of acme #0");
    assertThat(log.tenants).containsExactly(ACME);
    EntryDraft entry = log.drafts.get(0);
    assertThat(entry.agent()).isEqualTo(Agent.of(ADMIN));
    assertThat(entry.activity()).isEqualTo("thing.read");
    assertThat(entry.outcome()).isEqualTo(Outcome.ok());
    assertThat(entry.used()).containsExactly("input:1");
    assertThat(entry.generated()).containsExactly("out:14");
    assertThat(entry.inputDigest()).isEqualTo(CanonicalEntry.digest(Map.of("q", "x")));
  }

  @Test
  void aCallNamingAnotherTenantIsDeniedBeforeTheRoleAndLoggedInThePrincipalsTenant() {
    assertThatThrownBy(() -> gate().invoke(MEMBER, call().names(GLOBEX).build()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("tenant boundary");

    assertThat(runs).hasValue(0);
    assertThat(log.tenants).containsExactly(ACME);
    assertThat(log.drafts.get(0).outcome().status()).isEqualTo(Outcome.Status.DENIED);
    assertThat(log.drafts.get(0).outcome().reason()).contains("tenant boundary").doesNotContain("globex");
  }

  @Test
  void aPrincipalWithoutTheRoleIsDeniedAndLogged() {
    assertThatThrownBy(() -> gate().invoke(MEMBER, call().names(ACME).build()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("ADMIN");

    assertThat(runs).hasValue(0);
    assertThat(log.drafts).singleElement().satisfies(d -> {
      assertThat(d.outcome().code()).isEqualTo("access_denied");
      assertThat(d.generated()).isEmpty();
    });
  }

  @Test
  void exhaustingTheTenantsQuotaIsDeniedWithWhenToRetryAndOtherTenantsAndApisAreUnaffected() {
    // The whole quota for one subject: this is about the tenant's bucket (TenantRateLimiterTest has the shares).
    DefaultGate gate = gate(RateLimits.defaults().with("thing.read", new RateLimits.Quota(3, Duration.ofHours(1)))
        .withSubjectShare(1), ConsentFilter.IDENTITY);
    for (int i = 0; i < 3; i++) {
      gate.invoke(ADMIN, call().build());
    }

    assertThatThrownBy(() -> gate.invoke(ADMIN, call().build()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
          assertThat(e.code()).isEqualTo("rate_limited");
        });
    assertThat(runs).hasValue(3);
    assertThat(log.drafts).hasSize(4);
    assertThat(log.drafts.get(3).outcome()).isEqualTo(Outcome.denied("rate_limited", log.drafts.get(3).outcome().reason()));

    gate.invoke(Principal.of(GLOBEX, "gus", Role.ADMIN), call().build());
    gate.invoke(ADMIN, Invocation.of("thing.other", t -> "ok").roles(Role.ADMIN).build());
    assertThat(runs).hasValue(4);
  }

  @Test
  void aFailingServiceIsLoggedWithItsCodeAndTypeButNotItsMessage() {
    Invocation<String> failing = Invocation.<String>of("thing.write", t -> {
      throw new StorageException("row of ana@example.org failed", new IllegalStateException());
    }).roles(Role.ADMIN).build();
    Invocation<String> crashing = Invocation.<String>of("thing.write", t -> {
      throw new IllegalStateException("secret ana@example.org");
    }).roles(Role.ADMIN).build();

    assertThatThrownBy(() -> gate().invoke(ADMIN, failing)).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> gate().invoke(ADMIN, crashing)).isInstanceOf(IllegalStateException.class);

    assertThat(log.drafts).extracting(EntryDraft::outcome).containsExactly(
        Outcome.failed("storage", "StorageException"), Outcome.failed("internal", "IllegalStateException"));
  }

  @Test
  void theConsentFilterSeesEveryResultBeforeItIsLoggedAndReturned() {
    ConsentFilter redact = new ConsentFilter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T filter(Principal principal, Invocation<T> invocation, T result) {
        return (T) ((String) result).replace("acme", "[redacted]");
      }
    };
    String result = gate(RateLimits.defaults(), redact).invoke(ADMIN, call().generated(r -> List.of(r.replace(' ', '-'))).build());

    assertThat(result).isEqualTo("result of [redacted]");
    assertThat(log.drafts.get(0).generated()).containsExactly("result-of-[redacted]");
  }

  @Test
  void aDeniedOrFailedCallWhoseEntryCannotBeWrittenStillThrowsItsOwnException() {
    log.fail = true;
    assertThatThrownBy(() -> gate().invoke(MEMBER, call().build()))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(StorageException.class));
    // A successful call whose entry cannot be written fails: no result leaves without its entry.
    assertThatThrownBy(() -> gate().invoke(ADMIN, call().build())).isInstanceOf(StorageException.class);
  }

  @Test
  void anInvocationNeedsARole() {
    assertThatThrownBy(() -> Invocation.of("thing.read", t -> 1).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Invocation.of("Not An Activity", t -> 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
