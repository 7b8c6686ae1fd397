package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.ConsentChangedException;
import io.convener.api.ConvenerException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The withdrawal race: a revocation that lands while a result is being computed is either seen by
 * the result, or the result is discarded. The computations here disclose, then dawdle while a
 * revocation lands from another thread, as a slow recommendation batch would.
 */
class ConsistentlyTest {
  static final TenantId ACME = TenantId.of("acme");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final Purpose CHAMPION = Purpose.CHAMPION_RECOMMENDATION;

  private final GateFixture f = new GateFixture();
  private final DefaultConsentEngine gate = f.gate;
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @BeforeEach
  void grantBoth() {
    gate.grant(Principal.of(ACME, "ana", Role.MEMBER), ANA, CHAMPION, "n-1");
    gate.grant(Principal.of(ACME, "bo", Role.MEMBER), BO, CHAMPION, "n-1");
  }

  @AfterEach
  void close() {
    other.shutdownNow();
    f.close();
  }

  private List<MemberId> named(Disclosure<MemberId> d) {
    return d.disclosed().stream().map(Disclosed::value).toList();
  }

  /** Bo revokes on another thread, and the call returns once the revocation has committed. */
  private void boRevokesMeanwhile() {
    Future<?> revocation = other.submit(() -> gate.revoke(Principal.of(ACME, "bo", Role.MEMBER), BO, CHAMPION));
    try {
      revocation.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aResultComputedWhileNothingChangesIsReturnedAfterOneRun() {
    AtomicInteger runs = new AtomicInteger();

    List<MemberId> result = gate.consistently(ACME, () -> {
      runs.incrementAndGet();
      return named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO)));
    });

    assertThat(result).containsExactly(ANA, BO);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRevocationDuringTheRunIsSeenByTheRecomputedResult() {
    AtomicInteger runs = new AtomicInteger();
    List<List<MemberId>> computed = new ArrayList<>();

    List<MemberId> result = gate.consistently(ACME, () -> {
      List<MemberId> named = named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO)));
      computed.add(named);
      if (runs.incrementAndGet() == 1) {
        boRevokesMeanwhile();
      }
      return named;
    });

    assertThat(computed.get(0)).as("the first run still named bo").containsExactly(ANA, BO);
    assertThat(result).as("and was discarded").containsExactly(ANA);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aResultIsDiscardedWhenConsentChangesDuringBothRuns() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> gate.consistently(ACME, () -> {
      List<MemberId> named = named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO)));
      runs.incrementAndGet();
      // A change in every run: bo revokes, then ana.
      String who = runs.get() == 1 ? "bo" : "ana";
      MemberId subject = MemberId.of(who);
      try {
        other.submit(() -> gate.revoke(Principal.of(ACME, who, Role.MEMBER), subject, CHAMPION)).get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return named;
    }))
        .isInstanceOf(ConsentChangedException.class)
        .hasMessageContaining("discarded")
        .satisfies(e -> {
          assertThat(((ConsentChangedException) e).retryable()).isTrue();
          assertThat(((ConvenerException) e).code()).isEqualTo("consent_changed");
        });
    assertThat(runs).hasValue(2);
    // Calling again on the settled state succeeds and names nobody.
    assertThat(gate.consistently(ACME, () -> named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO))))).isEmpty();
  }

  @Test
  void aRevocationByAnotherProcessDuringTheRunIsCaughtToo() {
    DefaultConsentEngine otherProcess = f.anotherGate();
    AtomicInteger runs = new AtomicInteger();

    List<MemberId> result = gate.consistently(ACME, () -> {
      List<MemberId> named = named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO)));
      if (runs.incrementAndGet() == 1) {
        otherProcess.revoke(Principal.of(ACME, "admin", Role.ADMIN), ANA, CHAMPION);
      }
      return named;
    });

    assertThat(result).containsExactly(BO);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aChangeInAnotherTenantDoesNotDisturbTheComputation() {
    AtomicInteger runs = new AtomicInteger();

    List<MemberId> result = gate.consistently(ACME, () -> {
      runs.incrementAndGet();
      gate.grant(Principal.of(TenantId.of("globex"), "bo", Role.MEMBER), BO, CHAMPION, "n-1");
      return named(gate.disclose(ACME, CHAMPION, List.of(ANA, BO)));
    });

    assertThat(result).containsExactly(ANA, BO);
    assertThat(runs).hasValue(1);
  }
}
