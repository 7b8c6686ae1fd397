package io.convener.core.approval;

import com.google.inject.multibindings.Multibinder;
import io.convener.core.internal.schedule.ScheduledJob;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.approval.ApprovalPolicy;
import io.convener.api.approval.ApprovalService;
import io.convener.core.internal.consent.Permissions;
import java.time.Clock;

/**
 * Binds the default {@link ApprovalService}, the default {@link ApprovalPolicy} ({@link
 * ApprovalPolicy#defaults()}: the subject alone, within 7 days) and the system UTC clock as the
 * {@link ApprovalClock}. A host replaces any of them with {@code
 * OptionalBinder.newOptionalBinder(binder(), ApprovalPolicy.class).setBinding().toInstance(...)}.
 * Requests are announced through the notification outbox of {@code NotifyModule}. Also binds the
 * {@link Permissions} that approved approvals grant their requesters, which the choke point's
 * consent re-check and the profile service honour.
 */
public final class ApprovalModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ApprovalService.class)
        .setDefault()
        .to(DefaultApprovalService.class);
    OptionalBinder.newOptionalBinder(binder(), ApprovalPolicy.class)
        .setDefault()
        .toInstance(ApprovalPolicy.defaults());
    OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, ApprovalClock.class))
        .setDefault()
        .toInstance(Clock.systemUTC());
    bind(DefaultApprovalService.class).in(Singleton.class);
    bind(ApprovalNotifier.class).in(Singleton.class);
    bind(ApprovalClockwork.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), ScheduledJob.class).addBinding().to(ExpiryJob.class);
    OptionalBinder.newOptionalBinder(binder(), Permissions.class).setBinding().to(ApprovalPermissions.class);
    bind(ApprovalPermissions.class).in(Singleton.class);
  }
}
