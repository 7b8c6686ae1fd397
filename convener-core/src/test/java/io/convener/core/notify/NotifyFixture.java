package io.convener.core.notify;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.notify.Notifier;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.notify.NotificationChannel;
import io.convener.spi.storage.NotificationStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running Convener on H2 for the notification tests: a clock the test moves, a recording channel,
 * the relay driven by hand unless asked for the background thread, and a test action that commits
 * notifications through the gate (or fails after computing them).
 */
final class NotifyFixture implements AutoCloseable {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final Purpose PURPOSE = Purpose.LEARNING_ATTRIBUTION;
  // The outbox stamps messages with the provenance log's (system) clock; the relay's clock is the
  // system clock moved forward by as much as the test says.
  final MovableClock clock = new MovableClock();
  final RecordingChannel channel;
  final Injector injector;
  final Convener convener;

  NotifyFixture(boolean background, RecordingChannel channel, Module... extra) {
    this("jdbc:h2:mem:notify-" + UUID.randomUUID(), background, channel, extra);
  }

  NotifyFixture(String url, boolean background, RecordingChannel channel, Module... extra) {
    this(url, ConvenerSettings.defaults().withInMemoryKeys(), background, channel, extra);
  }

  /** On a database file whose keys live in {@code keys}, so that a later fixture can reopen it. */
  NotifyFixture(String url, Path keys, boolean background, RecordingChannel channel, Module... extra) {
    this(url, ConvenerSettings.defaults().withKeyDirectory(keys), background, channel, extra);
  }

  private NotifyFixture(String url, ConvenerSettings convenerSettings, boolean background, RecordingChannel channel,
      Module... extra) {
    this(url, convenerSettings, background ? NotifySettings.defaults().withPollInterval(Duration.ofMillis(200))
        : NotifySettings.defaults().manual(), channel, extra);
  }

  /** One of several nodes on one database: keys in {@code keys}, the relay as {@code settings} say. */
  NotifyFixture(String url, Path keys, NotifySettings settings, RecordingChannel channel, Module... extra) {
    this(url, ConvenerSettings.defaults().withKeyDirectory(keys), settings, channel, extra);
  }

  private NotifyFixture(String url, ConvenerSettings convenerSettings, NotifySettings settings,
      RecordingChannel channel, Module... extra) {
    this.channel = channel;
    List<Module> modules = new ArrayList<>(List.of(
        new ConvenerModule(convenerSettings),
        new JdbcStorageModule(JdbcSettings.of(url)),
        binder -> {
          OptionalBinder.newOptionalBinder(binder, NotifySettings.class).setBinding().toInstance(settings);
          OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, NotifyClock.class))
              .setBinding().toInstance(clock);
          Multibinder.newSetBinder(binder, NotificationChannel.class).addBinding().toInstance(channel);
        }));
    modules.addAll(Arrays.asList(extra));
    injector = Guice.createInjector(modules);
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin", Role.ADMIN);
  }

  static Principal as(TenantId tenant, String member) {
    return Principal.of(tenant, member, Role.MEMBER);
  }

  Notifier notifier() {
    return convener.notifier();
  }

  NotificationStore store() {
    return injector.getInstance(NotificationStore.class);
  }

  int drain(TenantId tenant) {
    return injector.getInstance(OutboxRelay.class).drain(tenant);
  }

  /** Ingests the members and grants each consent to {@link #PURPOSE}. */
  void members(TenantId tenant, String... ids) {
    List<Member> members = Arrays.stream(ids).map(id -> Member.builder(MemberId.of(id)).build()).toList();
    convener.ingest().submit(admin(tenant), members, List.of());
    for (String id : ids) {
      convener.consent().grant(admin(tenant), MemberId.of(id), PURPOSE, "notice-1");
    }
  }

  /** Commits a test action that notifies each recipient once (kind {@code test.kind}, key {@code key}). */
  long trigger(TenantId tenant, String key, String... recipients) {
    return trigger(tenant, key, "", false, false, recipients);
  }

  /**
   * Runs the test action through the gate: it discloses the recipients, builds one draft each, and
   * then fails when asked, after the drafts exist.
   */
  long trigger(TenantId tenant, String key, String digest, boolean critical, boolean fail, String... recipients) {
    Gate gate = injector.getInstance(Gate.class);
    ConsentEngine consent = injector.getInstance(ConsentEngine.class);
    long[] seq = new long[1];
    gate.invoke(admin(tenant), Invocation.<List<NotificationDraft>>of("test.action", t -> {
          List<NotificationDraft> drafts = new ArrayList<>();
          for (Disclosed<MemberId> d : consent.disclose(t, PURPOSE,
              Arrays.stream(recipients).map(MemberId::of).toList()).disclosed()) {
            NotificationDraft n = NotificationDraft.of(d, "test.kind", key, Map.of("about", key)).digestedBy(digest);
            drafts.add(critical ? n.asCritical() : n);
          }
          if (fail) {
            throw new IllegalStateException("the action failed after building its notifications");
          }
          return drafts;
        })
        .roles(Role.ADMIN)
        .notifies(drafts -> drafts)
        .stamp((r, s) -> {
          seq[0] = s;
          return r;
        })
        .build());
    return seq[0];
  }

  @Override
  public void close() {
    convener.close();
  }

  /** The system clock, moved forward when told. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
