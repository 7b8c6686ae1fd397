package io.convener.core.notify;

import static io.convener.core.notify.NotifyFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.multibindings.Multibinder;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.DeliveryStatus;
import io.convener.spi.notify.MessageGateway;
import io.convener.spi.notify.NotificationChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The email/SMS adapter point: addresses from the host, rendered text, no address is not retried. */
class GatewayTest {
  @Test
  void aGatewaySendsToTheHostsAddressAndGivesUpWithoutOne() {
    List<String> sent = new CopyOnWriteArrayList<>();
    MessageGateway sms = new MessageGateway() {
      @Override
      public String name() {
        return "sms";
      }

      @Override
      public Optional<String> address(TenantId tenant, MemberId recipient) {
        return recipient.value().equals("ana") ? Optional.of("+10000000001") : Optional.empty();
      }

      @Override
      public void send(TenantId tenant, String address, String id, String subject, String text,
          Map<String, String> fields) {
        sent.add(address + "|" + subject + "|" + text);
      }
    };
    NotificationChannel channel = Gateways.channel(sms);
    try (NotifyFixture f = new NotifyFixture(false, new RecordingChannel(),
        b -> Multibinder.newSetBinder(b, NotificationChannel.class).addBinding().toInstance(channel))) {
      f.members(ACME, "ana", "bo");
      f.trigger(ACME, "k", "ana", "bo");
      f.drain(ACME);
      assertThat(sent).singleElement().satisfies(s -> assertThat(s)
          .startsWith("+10000000001|[Convener] test.kind|test.kind\nabout: k\n"));
      assertThat(f.store().deliveries(ACME, MemberId.of("bo"), 1)).filteredOn(d -> d.channel().equals("sms"))
          .singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
          });
    }
  }
}
