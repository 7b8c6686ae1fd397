package io.convener.core.champion;

/**
 * How much heap champion discovery may keep between requests for the tenants it served: each
 * tenant's log (its members and events in columns, so that a request reads no store), its window
 * state (the window's counts, pairs and graph, so that the next request adds only new events) and
 * its structure (betweenness, constraint, communities and the last PageRank). Each budget bounds
 * the estimated bytes of its cache over all tenants;
 * past it the tenant used least recently is dropped, and its next request builds the state again
 * from its snapshot, or its log from the persisted event blocks (same answer, slower). A tenant
 * whose state alone exceeds the budget is still answered; its state is just not kept.
 *
 * <p>A host sets it with {@code OptionalBinder.newOptionalBinder(binder(),
 * ChampionMemory.class).setBinding().toInstance(new ChampionMemory(l, w, s))} in a module installed
 * beside Convener's.
 *
 * @param logBytes the most bytes every tenant's kept log may take together, at least 1
 * @param windowBytes the most bytes every tenant's kept window state may take together, at least 1
 * @param structureBytes the most bytes every tenant's kept structure may take together, at least 1
 */
public record ChampionMemory(long logBytes, long windowBytes, long structureBytes) {
  /** Checks the budgets. */
  public ChampionMemory {
    if (logBytes < 1) {
      throw new IllegalArgumentException("logBytes must be >= 1, was " + logBytes);
    }
    if (windowBytes < 1) {
      throw new IllegalArgumentException("windowBytes must be >= 1, was " + windowBytes);
    }
    if (structureBytes < 1) {
      throw new IllegalArgumentException("structureBytes must be >= 1, was " + structureBytes);
    }
  }

  /**
   * A third of the maximum heap for logs, a quarter for window states and a sixteenth for
   * structures: in a 4 GiB heap a tenant of twenty million events (some 1 GiB of log by the
   * estimate), or of one million members and five million pairs (some 450 MiB of window state,
   * 28 MB of structure) is kept.
   */
  public static ChampionMemory defaults() {
    long heap = Runtime.getRuntime().maxMemory();
    return new ChampionMemory(Math.max(1, heap / 3), Math.max(1, heap / 4), Math.max(1, heap / 16));
  }

  /**
   * A Caffeine weight for {@code bytes}: caches count in KiB, so that one tenant's state can exceed
   * the 2 GiB an {@code int} weight can say, rounded up so that no state weighs nothing.
   */
  static int weight(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + 1023) / 1024));
  }

  /** The Caffeine maximum weight for a budget of {@code bytes}. */
  static long maximumWeight(long bytes) {
    return Math.max(1, bytes / 1024);
  }
}
