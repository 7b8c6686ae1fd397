package io.convener.core.champion;

import io.convener.api.TenantId;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps each tenant's scoring {@link WindowState} from one request to the next, so that a request
 * adds only the events ingested since the last one instead of passing over every event again.
 * The state counts every event from its start on; it stands for a request's window {@code [from,
 * until)} when it started no later than {@code from}, holds no event before {@code from} and none
 * at or after {@code until}: then both hold exactly the same events. Otherwise (the window start
 * passed the earliest event counted, other settings, new members, a reloaded tenant) a new state
 * is built; when the tenant has events after {@code until}, the window is built in one pass and
 * not kept. Thread-safe.
 */
@Singleton
final class WindowCache {
  private final ConcurrentMap<TenantId, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    long epoch;
    String fingerprint = "";
    WindowState state;
  }

  /** The scoring graph of {@code [from, until)} with the current events of the snapshot. */
  WindowGraph graph(TenantId tenant, TenantLog.Snapshot s, long from, long until, boolean[] excluded, double decay,
      String fingerprint) {
    Entry e = entries.computeIfAbsent(tenant, t -> new Entry());
    synchronized (e) {
      if (e.state != null && e.epoch == s.epoch() && e.fingerprint.equals(fingerprint)
          && e.state.nodeOf.length == s.roster().size() && e.state.from <= from) {
        e.state.advance(s.events());
        if (fits(e.state, from, until)) {
          return e.state.graph();
        }
      }
      e.state = null; // let the old state go before the new one is built: at 1M members each is hundreds of MB
      WindowState fresh = new WindowState(s.roster().size(), excluded, from, Long.MAX_VALUE, decay);
      fresh.advance(s.events());
      if (!fits(fresh, from, until)) {
        entries.remove(tenant, e);
        return WindowGraph.build(s, from, until, excluded, decay);
      }
      e.epoch = s.epoch();
      e.fingerprint = fingerprint;
      e.state = fresh;
      return fresh.graph();
    }
  }

  private static boolean fits(WindowState st, long from, long until) {
    return st.events == 0 || (st.earliest >= from && st.latest < until);
  }
}
