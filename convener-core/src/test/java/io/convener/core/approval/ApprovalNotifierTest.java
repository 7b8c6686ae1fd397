package io.convener.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.approval.ApprovalId;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.Notification;
import io.convener.core.notify.InMemoryNotificationChannel;
import io.convener.spi.notify.NotificationChannel;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A failing channel is skipped; the others still deliver. */
class ApprovalNotifierTest {
  @Test
  void aFailingChannelDoesNotStopTheOthers() {
    InMemoryNotificationChannel memory = new InMemoryNotificationChannel();
    NotificationChannel broken = new NotificationChannel() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public void deliver(TenantId tenant, Notification notification) {
        throw new IllegalStateException("down");
      }
    };
    Set<NotificationChannel> channels = new LinkedHashSet<>(List.of(broken, memory));
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    Approval a = Approval.builder().id(ApprovalId.of("a-1")).tenant(TenantId.of("acme"))
        .subject(MemberId.of("alice")).purpose(Purpose.PROFILE_SHARE).scope("s").requester("m")
        .created(t).expires(t.plusSeconds(60)).build();

    assertThat(new ApprovalNotifier(channels).requested(a)).isEqualTo(1);
    assertThat(memory.inbox(TenantId.of("acme"), MemberId.of("alice"))).hasSize(1);
  }
}
