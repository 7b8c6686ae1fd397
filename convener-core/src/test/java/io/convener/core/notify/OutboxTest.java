package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static io.convener.core.notify.NotifyFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.notify.DeliveryStatus;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.spi.storage.StoredNotification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transactional outbox: a failed action sends nothing, a committed one is delivered once. */
class OutboxTest {
  @Test
  void aFailingActionSendsNothingAndACommittedOneIsDelivered() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      assertThatThrownBy(() -> f.trigger(ACME, "failed", "", false, true, "ana"))
          .isInstanceOf(IllegalStateException.class);
      f.drain(ACME);
      assertThat(f.store().due(ACME, f.clock.instant(), 10)).isEmpty();
      assertThat(f.store().find(ACME, MemberId.of("ana"), 1)).isEmpty();
      assertThat(f.channel.calls()).isZero();

      long cause = f.trigger(ACME, "ok", "ana");
      StoredNotification row = f.store().find(ACME, MemberId.of("ana"), 1).orElseThrow();
      assertThat(row.causedBy()).as("the row names the entry of its cause").isEqualTo(cause);
      assertThat(row.status()).isEqualTo(DeliveryStatus.QUEUED);
      f.drain(ACME);
      f.drain(ACME);
      assertThat(f.channel.delivered()).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo("test.kind");
        assertThat(n.payload()).containsEntry("about", "ok").doesNotContainKey("consentPurpose");
      });
      assertThat(f.store().find(ACME, MemberId.of("ana"), 1).orElseThrow().status())
          .isEqualTo(DeliveryStatus.DELIVERED);
    }
  }

  @Test
  void everyStatusChangeIsAProvenanceEntryCausedByTheAction() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana");
      long cause = f.trigger(ACME, "ok", "ana");
      f.drain(ACME);
      f.notifier().markRead(as(ACME, "ana"), 1);
      Principal auditor = Principal.of(ACME, "auditor", Role.COMPLIANCE_OFFICER);
      List<ProvenanceEntry> deliveries = f.convener.provenance().query(auditor,
          ProvenanceQuery.builder().activity("notify.delivery").limit(100).build()).entries();
      assertThat(deliveries).hasSize(2).allSatisfy(e -> {
        assertThat(e.causedBy()).hasValue(cause);
        assertThat(e.used()).containsExactly("notification:ana:1");
      });
      assertThat(f.convener.provenance().query(auditor,
          ProvenanceQuery.builder().activity("notify.status").limit(100).build()).entries()).hasSize(1);
      assertThat(f.convener.provenance().query(auditor,
          ProvenanceQuery.builder().activity("notify.read").limit(100).build()).entries())
          .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.ok()));
    }
  }

  @Test
  void aRecipientWhoWithdrewConsentIsNotNotifiedEvenWhenCritical() {
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel())) {
      f.members(ACME, "ana", "bo");
      f.convener.consent().revoke(NotifyFixture.admin(ACME), MemberId.of("bo"), NotifyFixture.PURPOSE);
      f.trigger(ACME, "k", "", true, false, "ana", "bo");
      assertThat(f.store().find(ACME, MemberId.of("bo"), 1)).as("bo was never disclosed").isEmpty();

      // Withdrawn after the commit, before delivery: the relay re-checks, critical or not.
      f.convener.consent().revoke(NotifyFixture.admin(ACME), MemberId.of("ana"), NotifyFixture.PURPOSE);
      f.drain(ACME);
      assertThat(f.channel.delivered()).isEmpty();
      assertThat(f.notifier().inbox(as(ACME, "ana"), 0, 10)).isEmpty();
      assertThat(f.store().find(ACME, MemberId.of("ana"), 1).orElseThrow().status())
          .isEqualTo(DeliveryStatus.UNDELIVERED);
    }
  }
}
