package io.convener.core.pulse;

/**
 * How much pulse state a process keeps in memory, over all tenants: the rollups hold at most
 * {@code rollupEvents} events (and members) together, the scope indexes at most {@code
 * indexMembers} members. Past either budget the least recently used tenants' state is dropped,
 * and read again from the store (the persisted day digests, where the storage keeps them) when
 * the tenant is next asked about. A host sets its own with {@code
 * OptionalBinder.newOptionalBinder(binder(), PulseMemory.class).setBinding().toInstance(...)}.
 *
 * @param rollupEvents the rollups' budget; a rollup takes about 110 bytes per event it holds
 * @param indexMembers the scope indexes' budget, in members
 */
public record PulseMemory(long rollupEvents, long indexMembers) {
  /** 8,000,000 events (about 900 MiB of rollups) and 2,000,000 members. */
  public static final PulseMemory DEFAULT = new PulseMemory(8_000_000, 2_000_000);

  /** Checks the budgets. */
  public PulseMemory {
    if (rollupEvents < 1 || indexMembers < 1) {
      throw new IllegalArgumentException("rollupEvents and indexMembers must be at least 1, were "
          + rollupEvents + " and " + indexMembers);
    }
  }
}
