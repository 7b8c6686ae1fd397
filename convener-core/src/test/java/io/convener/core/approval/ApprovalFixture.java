package io.convener.core.approval;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.approval.ApprovalPolicy;
import io.convener.api.approval.ApprovalService;
import io.convener.api.model.Member;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.notify.InMemoryNotificationChannel;
import io.convener.core.notify.NotifyTesting;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A running Convener on in-memory H2 with a clock the test moves and a policy it chooses; ACME has
 * the members {@link #MEMBERS}.
 */
final class ApprovalFixture implements AutoCloseable {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  /** The members of ACME; GLOBEX has none. */
  static final List<String> MEMBERS = List.of("alice", "bob");

  final MovableClock clock = new MovableClock(Instant.parse("2025-05-01T09:00:00Z"));
  final Injector injector;
  final Convener convener;

  ApprovalFixture(ApprovalPolicy policy) {
    injector = Guice.createInjector(
        new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
        new JdbcStorageModule(JdbcSettings.of("jdbc:h2:mem:approvals-" + UUID.randomUUID())),
        NotifyTesting.inMemoryChannel(),
        binder -> {
          OptionalBinder.newOptionalBinder(binder, ApprovalPolicy.class).setBinding().toInstance(policy);
          OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, ApprovalClock.class))
              .setBinding().toInstance(clock);
        });
    convener = injector.getInstance(Convener.class);
    convener.start();
    convener.ingest().submit(admin(ACME, "ops"), MEMBERS.stream().map(m -> Member.of(MemberId.of(m))).toList(),
        List.of());
  }

  ApprovalService approvals() {
    return convener.approvals();
  }

  /** The in-memory channel, after the relay delivered what is due. */
  InMemoryNotificationChannel channel() {
    return NotifyTesting.delivered(injector, ACME, GLOBEX);
  }

  static Principal admin(TenantId tenant, String subject) {
    return Principal.of(tenant, subject, Role.ADMIN);
  }

  static Principal member(TenantId tenant, String subject) {
    return Principal.of(tenant, subject, Role.MEMBER);
  }

  static Principal manager(TenantId tenant) {
    return Principal.of(tenant, "manager-1", Role.COMMUNITY_MANAGER);
  }

  /** The tenant's provenance entries of one activity, read as a compliance officer. */
  List<ProvenanceEntry> entries(TenantId tenant, String activity) {
    return convener.provenance()
        .query(Principal.of(tenant, "auditor", Role.COMPLIANCE_OFFICER),
            ProvenanceQuery.builder().activity(activity).limit(ProvenanceQuery.MAX_LIMIT).build())
        .entries();
  }

  @Override
  public void close() {
    convener.close();
  }

  /** A clock that moves only when told. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
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
