package io.convener.http.internal;

import io.convener.api.Principal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the open event streams of each tenant and each subject, and refuses one over either
 * limit, so that one tenant (or one user's many tabs) cannot take a node's streams from the
 * others. A count drops to zero and leaves the map when its last stream closes. Thread-safe.
 */
final class StreamCounts {
  /** Over a limit: a 429 problem. */
  static final class TooMany extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooMany(String message) {
      super(message, null, false, false);
    }
  }

  /** One open stream's place in the counts; {@link #close()} gives it back, once. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  private final int perTenant;
  private final int perSubject;
  private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();

  StreamCounts(int perTenant, int perSubject) {
    this.perTenant = perTenant;
    this.perSubject = perSubject;
  }

  /**
   * Takes a place for a stream of this principal.
   *
   * @throws TooMany when the tenant or the subject has as many streams open as allowed
   */
  Lease acquire(Principal principal) {
    String tenant = "t:" + principal.tenant().value();
    String subject = "s:" + principal.tenant().value() + '\u0000' + principal.subject();
    if (!take(tenant, perTenant)) {
      throw new TooMany("the tenant has " + perTenant + " notification streams open, the most allowed");
    }
    if (!take(subject, perSubject)) {
      give(tenant);
      throw new TooMany("you have " + perSubject + " notification streams open, the most allowed; close one");
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        give(subject);
        give(tenant);
      }
    };
  }

  /** Open streams of the tenant (for tests). */
  int open(Principal principal) {
    return counts.getOrDefault("t:" + principal.tenant().value(), 0);
  }

  private boolean take(String key, int max) {
    boolean[] taken = new boolean[1];
    counts.compute(key, (k, n) -> {
      int now = n == null ? 0 : n;
      taken[0] = now < max;
      return taken[0] ? now + 1 : (now == 0 ? null : now);
    });
    return taken[0];
  }

  private void give(String key) {
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }
}
