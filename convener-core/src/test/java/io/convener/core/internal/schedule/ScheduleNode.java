package io.convener.core.internal.schedule;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.ScheduleSettings;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Convener node for the schedule tests: the scheduler's own thread off (the test calls {@link
 * JobScheduler#runDue} when it wants a tick), its clock set by the test, extra jobs added.
 */
final class ScheduleNode implements AutoCloseable {
  final MovableClock clock = new MovableClock();
  final Injector injector;
  final Convener convener;

  ScheduleNode(String url, Path keys, ScheduleSettings settings, List<ScheduledJob> jobs, Module... extra) {
    List<Module> modules = new ArrayList<>(List.of(
        new ConvenerModule(ConvenerSettings.defaults().withKeyDirectory(keys)),
        new JdbcStorageModule(JdbcSettings.of(url)),
        binder -> {
          OptionalBinder.newOptionalBinder(binder, ScheduleSettings.class).setBinding().toInstance(settings.disabled());
          OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, ScheduleClock.class)).setBinding()
              .toInstance(clock);
          Multibinder<ScheduledJob> set = Multibinder.newSetBinder(binder, ScheduledJob.class);
          jobs.forEach(job -> set.addBinding().toInstance(job));
        }));
    modules.addAll(Arrays.asList(extra));
    injector = Guice.createInjector(modules);
    convener = injector.getInstance(Convener.class);
    convener.start();
  }

  JobScheduler scheduler() {
    return injector.getInstance(JobScheduler.class);
  }

  @Override
  public void close() {
    convener.close();
  }

  /** A clock the test sets. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

    void set(Instant at) {
      now = at;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
