package io.convener.spi.storage;

import io.convener.api.TenantId;
import java.util.List;

/**
 * The membership history of a tenant's members, as {@link MemberStore#upsert} records it: a store
 * that implements both applies {@link MembershipPeriod#after} to every upserted member in the
 * upsert's transaction, so that the last period of a member with history always has the member's
 * current teams, cohorts and org. A member without periods has their current membership from the
 * beginning. Implementations are thread-safe and throw {@link io.convener.api.StorageException}
 * when the store fails. Optional: without it, the pulse uses today's membership for every window.
 */
public interface MembershipHistoryStore {
  /** Every period of every member of the tenant that has a history, by member id, oldest first. */
  List<MembershipPeriod> periods(TenantId tenant);
}
