package io.convener.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.champion.ChampionRanking;
import io.convener.api.model.EventKind;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.spi.signal.Signal;
import io.convener.spi.signal.SignalValue;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import io.convener.spi.signal.WindowEvents;
import io.convener.spi.storage.EventQuery;
import io.convener.spi.storage.EventStore;
import io.convener.testing.synthetic.SyntheticOrganisation;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * What a plugin signal computed from the window's events costs a champion request: the same
 * requests on the organisation {@link ChampionScale} loaded, without a signal and with one that
 * counts each member's reviews and replies given in the window ({@link Signal#compute(TenantId,
 * SignalWindow, WindowEvents)}, from the request's in-memory snapshot). Each configuration opens a
 * new Convener, answers one request to load the tenant, then times requests with the window moved
 * by a day each time (so every one builds its graph and runs the signal anew) and prints the median.
 * A third configuration runs the same signal written the way hosts had to before: the two-argument
 * {@code compute}, rescanning the store for the window ({@code RescanningRepliesAndReviewsGiven}).
 *
 * <pre>
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.ChampionScale 40000
 * java -Xmx4g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.SignalScale 40000 [dir] [runs]
 * </pre>
 */
public final class SignalScale {
  private static final TenantId TENANT = TenantId.of("scale");
  private static final Principal ADMIN = Principal.of(TENANT, "bench", Role.ADMIN);

  private SignalScale() {}

  /** The signal: reviews and replies each member gave in the window. */
  static final class RepliesAndReviewsGiven implements Signal {
    /** Nanoseconds the last compute took. */
    volatile long lastNanos;

    @Override
    public String name() {
      return "given";
    }

    @Override
    public SignalValues compute(TenantId tenant, SignalWindow window, WindowEvents events) {
      long t0 = System.nanoTime();
      Map<MemberId, int[]> given = new HashMap<>();
      events.forEach(e -> {
        if (e.kind() == EventKind.REVIEW || e.kind() == EventKind.REPLY) {
          given.computeIfAbsent(e.actor(), k -> new int[1])[0]++;
        }
      });
      Map<MemberId, SignalValue> values = new HashMap<>(given.size() * 2);
      given.forEach((m, n) -> values.put(m, new SignalValue(n[0], List.of())));
      lastNanos = System.nanoTime() - t0;
      return new SignalValues(values);
    }
  }

  /**
   * The same signal written as hosts had to before the window's events were handed to signals:
   * the two-argument {@link Signal#compute(TenantId, SignalWindow)}, rescanning the store for the
   * window's reviews and replies.
   */
  static final class RescanningRepliesAndReviewsGiven implements Signal {
    /** Nanoseconds the last compute took. */
    static volatile long lastNanos;
    private final EventStore events;

    @Inject
    RescanningRepliesAndReviewsGiven(EventStore events) {
      this.events = events;
    }

    @Override
    public String name() {
      return "given";
    }

    @Override
    public SignalValues compute(TenantId tenant, SignalWindow window) {
      long t0 = System.nanoTime();
      Map<MemberId, int[]> given = new HashMap<>();
      EventQuery query = new EventQuery(Optional.of(window.from()), Optional.of(window.until()),
          Set.of(EventKind.REVIEW, EventKind.REPLY), Optional.empty());
      events.scan(tenant, query, e -> given.computeIfAbsent(e.actor(), k -> new int[1])[0]++);
      Map<MemberId, SignalValue> values = new HashMap<>(given.size() * 2);
      given.forEach((m, n) -> values.put(m, new SignalValue(n[0], List.of())));
      lastNanos = System.nanoTime() - t0;
      return new SignalValues(values);
    }
  }

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("target", "champion-scale-" + members);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (!Files.exists(dir.resolve("loaded"))) {
      throw new IllegalStateException("run ChampionScale " + members + " first: " + dir + " holds no organisation");
    }
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
    Instant asOf = SyntheticOrganisation.builder().seed(11).members(members).weeks(12)
        .eventsPerMemberPerWeek(ChampionScale.rate()).build().end();
    RepliesAndReviewsGiven signal = new RepliesAndReviewsGiven();
    Module withSignal = new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), Signal.class).addBinding().toInstance(signal);
      }
    };
    Module withRescan = new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), Signal.class).addBinding().to(RescanningRepliesAndReviewsGiven.class);
      }
    };
    for (int round = 0; round < 2; round++) { // the first round warms the JIT for all three
      double without = median(url, null, asOf, runs, null);
      double[] signalSeconds = new double[runs];
      double with = median(url, withSignal, asOf, runs, r -> signalSeconds[r] = signal.lastNanos / 1e9);
      Arrays.sort(signalSeconds);
      double[] rescanSeconds = new double[runs];
      double rescan = median(url, withRescan, asOf, runs,
          r -> rescanSeconds[r] = RescanningRepliesAndReviewsGiven.lastNanos / 1e9);
      Arrays.sort(rescanSeconds);
      System.out.printf(Locale.ROOT, "round %d: without a signal %.3f s, with a window-events signal %.3f s (%.2fx);"
          + " the signal's own compute: median %.3f s (%.1f%% of the request)%n", round + 1, without, with,
          with / without, signalSeconds[runs / 2], 100 * signalSeconds[runs / 2] / with);
      System.out.printf(Locale.ROOT, "round %d: with the same signal rescanning the store %.3f s (%.2fx without,"
          + " %.2fx the window-events signal); its own compute: median %.3f s (%.2fx the window-events signal's)%n",
          round + 1, rescan, rescan / without, rescan / with, rescanSeconds[runs / 2],
          rescanSeconds[runs / 2] / signalSeconds[runs / 2]);
    }
  }

  private static double median(String url, Module signal, Instant asOf, int runs, IntConsumer afterRun) {
    ConvenerSettings cs = ConvenerSettings.defaults();
    Conveners.Builder b = Conveners.builder().database(url).settings(cs);
    if (signal != null) {
      b.module(signal);
    }
    double[] t = new double[runs];
    try (Convener c = b.build()) {
      ChampionRanking first = c.champions().rank(ADMIN, ChampionQuery.builder().asOf(asOf).limit(20).build());
      if (signal != null && !first.signals().containsKey("given")) {
        throw new IllegalStateException("the signal did not take part: " + first.signals());
      }
      for (int r = 0; r < runs; r++) {
        ChampionQuery moved = ChampionQuery.builder().asOf(asOf.minus(Duration.ofDays(r + 1))).limit(20).build();
        long t0 = System.nanoTime();
        c.champions().rank(ADMIN, moved);
        t[r] = (System.nanoTime() - t0) / 1e9;
        if (afterRun != null) {
          afterRun.accept(r);
        }
      }
    }
    Arrays.sort(t);
    return t[runs / 2];
  }
}
