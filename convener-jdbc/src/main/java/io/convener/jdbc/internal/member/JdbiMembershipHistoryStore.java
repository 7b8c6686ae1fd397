package io.convener.jdbc.internal.member;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.MembershipHistoryStore;
import io.convener.spi.storage.MembershipPeriod;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The membership history in the {@code member_periods} table (migration V29), which {@link
 * JdbiMemberStore#upsert} keeps in its transaction through {@link MemberPeriods}. Thread-safe.
 */
final class JdbiMembershipHistoryStore implements MembershipHistoryStore {
  private final Database database;

  @Inject
  JdbiMembershipHistoryStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public List<MembershipPeriod> periods(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<MembershipPeriod> periods = new ArrayList<>(database.read("list member periods", tenant,
        handle -> handle.createQuery(MemberPeriods.SELECT_ALL).bind("tenant", tenant.value())
            .map((rs, ctx) -> MemberPeriods.period(rs))
            .collectIntoList()));
    // Ordered in Java: database collations disagree with MemberId's order beyond ASCII.
    periods.sort((a, b) -> a.member().equals(b.member())
        ? Long.compare(a.fromMillis(), b.fromMillis()) : a.member().compareTo(b.member()));
    return List.copyOf(periods);
  }
}
