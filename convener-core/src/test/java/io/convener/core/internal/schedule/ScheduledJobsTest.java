package io.convener.core.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalPolicy;
import io.convener.api.approval.ApprovalStatus;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.Notification;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.pulse.PulseScope;
import io.convener.core.ScheduleSettings;
import io.convener.core.approval.ApprovalClock;
import io.convener.core.notify.NotifyTesting;
import io.convener.spi.storage.ApprovalStore;
import io.convener.spi.storage.IdempotencyRow;
import io.convener.spi.storage.IdempotencyStore;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.PulseWatcherStore;
import io.convener.testing.pulse.PlantedPulseScenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jobs on one node, each run by a scheduler tick and nothing else: a watcher is told of
 * a pulse risk nobody asked about; an approval past its time is stored as expired with its own
 * entry; expired idempotency keys and old delivered messages are purged, each recipient's newest
 * message kept.
 */
class ScheduledJobsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId WATCHER = MemberId.of("watcher");
  private static final PulseScope DECLINING = PulseScope.team(PlantedPulseScenario.DECLINING);
  private static final ScheduleSettings SETTINGS = ScheduleSettings.defaults().withPulseRisks(Duration.ofDays(365));

  @TempDir Path dir;

  @Test
  void aWatcherIsToldOfARiskWithoutAnyoneAskingAndOldDeliveredMessagesArePurged() {
    try (ScheduleNode node = node()) {
      PlantedPulseScenario scenario = PlantedPulseScenario.standard();
      node.convener.ingest().submit(Principal.of(ACME, "loader", Role.ADMIN), scenario.members(), scenario.events());
      NotifyTesting.direct(node.convener, ACME, WATCHER);
      node.injector.getInstance(PulseWatcherStore.class).add(ACME, DECLINING, List.of(WATCHER));
      IdempotencyStore keys = node.injector.getInstance(IdempotencyStore.class);
      Instant now = Instant.now();
      keys.claim(ACME, new IdempotencyRow("scope-1", "print", "claim-1", now, now.plusSeconds(60), Optional.empty()), now);

      node.clock.set(PlantedPulseScenario.AS_OF);
      node.scheduler().runDue();

      List<Notification> told = NotifyTesting.delivered(node.injector, ACME).all(ACME);
      assertThat(told).as("risk messages, with no pulse asked for").hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(n -> assertThat(n.recipient()).isEqualTo(WATCHER))
          .allSatisfy(n -> assertThat(n.payload()).containsEntry("scope", DECLINING.wireName()));
      assertThat(entries(node, "pulse.report")).singleElement()
          .satisfies(e -> assertThat(e.agent().id()).isEqualTo(SchedulerPrincipal.SUBJECT));

      node.clock.set(now.plus(Duration.ofDays(31)));
      node.scheduler().runDue();
      NotificationStore store = node.injector.getInstance(NotificationStore.class);
      long newest = told.size();
      assertThat(LongStream.rangeClosed(1, newest).filter(seq -> store.find(ACME, WATCHER, seq).isPresent()))
          .as("messages left after the purge").containsExactly(newest);
      assertThat(keys.purgeExpired(ACME, now.plus(Duration.ofDays(365))))
          .as("expired keys the job left").isZero();
    }
  }

  @Test
  void anApprovalPastItsTimeIsExpiredWithItsOwnEntryOnce() {
    MovableApprovalClock approvalClock = new MovableApprovalClock();
    ApprovalPolicy policy = ApprovalPolicy.defaults()
        .with(Purpose.PROFILE_SHARE, new ApprovalPolicy.Rule(true, 0, Duration.ofHours(1)));
    Module approvals = binder -> {
      OptionalBinder.newOptionalBinder(binder, ApprovalPolicy.class).setBinding().toInstance(policy);
      OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, ApprovalClock.class)).setBinding()
          .toInstance(approvalClock);
    };
    try (ScheduleNode node = new ScheduleNode("jdbc:h2:mem:jobs-" + UUID.randomUUID(), dir.resolve("keys"),
        SETTINGS, List.of(), NotifyTesting.inMemoryChannel(), approvals)) {
      node.convener.ingest().submit(Principal.of(ACME, "ops", Role.ADMIN), List.of(Member.of(MemberId.of("alice"))),
          List.of());
      Approval a = node.convener.approvals().request(Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER),
          MemberId.of("alice"), Purpose.PROFILE_SHARE, "profile");
      node.scheduler().runDue();
      assertThat(entries(node, "approvals.expire")).as("before its time").isEmpty();

      approvalClock.now = approvalClock.now.plus(Duration.ofHours(2));
      node.clock.set(node.clock.instant().plus(Duration.ofMinutes(1)));
      node.scheduler().runDue();
      node.clock.set(node.clock.instant().plus(Duration.ofMinutes(1)));
      node.scheduler().runDue();

      ApprovalStore store = node.injector.getInstance(ApprovalStore.class);
      assertThat(store.find(ACME, a.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.EXPIRED);
      assertThat(entries(node, "approvals.expire")).singleElement()
          .satisfies(e -> assertThat(e.used()).contains("approval:" + a.id().value()));
    }
  }

  private ScheduleNode node() {
    return new ScheduleNode("jdbc:h2:mem:jobs-" + UUID.randomUUID(), dir.resolve("keys"), SETTINGS, List.of(),
        NotifyTesting.inMemoryChannel());
  }

  private static List<ProvenanceEntry> entries(ScheduleNode node, String activity) {
    return node.convener.provenance().query(Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER),
        ProvenanceQuery.builder().activity(activity).limit(ProvenanceQuery.MAX_LIMIT).build()).entries();
  }

  /** The approvals' clock, moved by the test. */
  private static final class MovableApprovalClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
