package io.convener.core.notify;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NotificationChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every delivered notification in memory, once per id and tenant, in delivery order: for
 * tests and hosts that poll (it grows without bound; not bound by default). Not interrupting, so
 * quiet hours, digests and throttles do not apply to it. Thread-safe.
 */
public final class InMemoryNotificationChannel implements NotificationChannel {
  private final Map<TenantId, Map<String, Notification>> delivered = new LinkedHashMap<>();

  @Override
  public String name() {
    return "in-memory";
  }

  @Override
  public boolean interrupting() {
    return false;
  }

  @Override
  public synchronized void deliver(TenantId tenant, Notification notification) {
    requireNonNull(tenant, "tenant");
    requireNonNull(notification, "notification");
    if (!tenant.equals(notification.tenant())) {
      throw new IllegalArgumentException("notification of tenant " + notification.tenant() + " delivered for " + tenant);
    }
    delivered.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).putIfAbsent(notification.id(), notification);
  }

  /** What the recipient has been sent, oldest first. */
  public synchronized List<Notification> inbox(TenantId tenant, MemberId recipient) {
    List<Notification> inbox = new ArrayList<>();
    for (Notification n : delivered.getOrDefault(tenant, Map.of()).values()) {
      if (n.recipient().equals(recipient)) {
        inbox.add(n);
      }
    }
    return List.copyOf(inbox);
  }

  /** Everything delivered for the tenant, oldest first. */
  public synchronized List<Notification> all(TenantId tenant) {
    return List.copyOf(delivered.getOrDefault(tenant, Map.of()).values());
  }
}
