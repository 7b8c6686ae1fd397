package io.convener.core.internal.schedule;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.core.ScheduleSettings;
import java.time.Clock;

/**
 * Binds the {@link JobScheduler}, the set of {@link ScheduledJob}s the services contribute (with
 * the purge job of this package), the {@link ScheduleSettings} ({@link ScheduleSettings#defaults()}
 * unless a host sets its own) and the system UTC clock as the {@link ScheduleClock}. Needs a
 * {@link io.convener.spi.storage.JobLeaseStore}. Does no I/O.
 */
public final class SchedulerModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ScheduleSettings.class).setDefault()
        .toInstance(ScheduleSettings.defaults());
    OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, ScheduleClock.class)).setDefault()
        .toInstance(Clock.systemUTC());
    Multibinder.newSetBinder(binder(), ScheduledJob.class).addBinding().to(PurgeJob.class);
    bind(JobScheduler.class).in(Singleton.class);
  }
}
