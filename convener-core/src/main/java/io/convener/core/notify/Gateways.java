package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.MessageGateway;
import io.convener.spi.notify.NonRetryableDeliveryException;
import io.convener.spi.notify.NotificationChannel;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a host's {@link MessageGateway} (email, SMS) into a {@link NotificationChannel}: looks up
 * the recipient's address (none: not retryable), renders a subject ({@code [Convener] kind}) and a
 * plain-text body (one {@code field: value} line per payload field, sorted), and sends.
 */
public final class Gateways {
  private Gateways() {}

  /** The channel for {@code gateway}, named as the gateway. */
  public static NotificationChannel channel(MessageGateway gateway) {
    requireNonNull(gateway, "gateway");
    return new NotificationChannel() {
      @Override
      public String name() {
        return gateway.name();
      }

      @Override
      public void deliver(TenantId tenant, Notification n) {
        String address = gateway.address(tenant, n.recipient()).orElseThrow(() ->
            new NonRetryableDeliveryException("the recipient has no " + gateway.name() + " address"));
        gateway.send(tenant, address, n.id(), subject(n), text(n), n.payload());
      }
    };
  }

  static String subject(Notification n) {
    return "[Convener] " + n.kind();
  }

  static String text(Notification n) {
    StringBuilder text = new StringBuilder(n.kind()).append('\n');
    for (Map.Entry<String, String> field : new TreeMap<>(n.payload()).entrySet()) {
      text.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
    }
    return text.toString();
  }
}
