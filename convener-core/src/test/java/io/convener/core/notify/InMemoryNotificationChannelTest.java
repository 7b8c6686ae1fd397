package io.convener.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryNotificationChannelTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");

  private static Notification note(String id, TenantId tenant, MemberId to) {
    return new Notification(id, tenant, to, "approval.requested", Map.of("approval", "a1"), Instant.EPOCH);
  }

  @Test
  void keepsEachNotificationOncePerRecipientInOrder() {
    InMemoryNotificationChannel channel = new InMemoryNotificationChannel();
    channel.deliver(ACME, note("n1", ACME, ANA));
    channel.deliver(ACME, note("n2", ACME, MemberId.of("bo")));
    channel.deliver(ACME, note("n3", ACME, ANA));
    channel.deliver(ACME, note("n1", ACME, ANA));

    assertThat(channel.inbox(ACME, ANA)).extracting(Notification::id).containsExactly("n1", "n3");
    assertThat(channel.all(ACME)).hasSize(3);
    assertThat(channel.all(TenantId.of("globex"))).isEmpty();
  }

  @Test
  void refusesANotificationOfAnotherTenant() {
    InMemoryNotificationChannel channel = new InMemoryNotificationChannel();
    assertThatThrownBy(() -> channel.deliver(ACME, note("n1", TenantId.of("globex"), ANA)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("globex");
  }
}
