package io.convener.core.notify;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.notify.NotificationDraft;
import java.util.ArrayList;
import java.util.List;
import io.convener.spi.notify.NotificationChannel;

/** For the tests of other areas: an in-memory channel and a relay they drive by hand. */
public final class NotifyTesting {
  private NotifyTesting() {}

  /** Binds the {@link InMemoryNotificationChannel} as a channel and turns the background relay off. */
  public static Module inMemoryChannel() {
    return binder -> {
      binder.bind(InMemoryNotificationChannel.class).in(Singleton.class);
      Multibinder.newSetBinder(binder, NotificationChannel.class).addBinding().to(InMemoryNotificationChannel.class);
      OptionalBinder.newOptionalBinder(binder, NotifySettings.class).setBinding()
          .toInstance(NotifySettings.defaults().manual());
    };
  }

  /**
   * Grants {@link NotificationDraft#DIRECT} to the members, after enabling it in the tenant's
   * policy beside the standard purposes (it is not one of them).
   */
  public static void direct(Convener convener, TenantId tenant, MemberId... members) {
    Principal admin = Principal.of(tenant, "admin", Role.ADMIN);
    List<Purpose> enabled = new ArrayList<>(Purpose.standard());
    enabled.add(NotificationDraft.DIRECT);
    convener.consent().setPolicy(admin, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
    for (MemberId m : members) {
      convener.consent().grant(Principal.of(tenant, m.value(), Role.MEMBER), m, NotificationDraft.DIRECT, "notice-1");
    }
  }

  /** Lets the relay deliver what is due for the tenants, then returns the in-memory channel. */
  public static InMemoryNotificationChannel delivered(Injector injector, TenantId... tenants) {
    OutboxRelay relay = injector.getInstance(OutboxRelay.class);
    for (TenantId tenant : tenants) {
      relay.drain(tenant);
    }
    return injector.getInstance(InMemoryNotificationChannel.class);
  }
}
