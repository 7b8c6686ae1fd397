package io.convener.core.champion;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.PluginException;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionSettings;
import io.convener.spi.signal.Signal;
import io.convener.spi.signal.SignalValue;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import io.convener.spi.signal.WindowEvents;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the plugin signals of a request and lays their values out per node. Signals are ordered by
 * name; a signal with an invalid or built-in name, a duplicate name, or one that throws fails the
 * request with a {@link PluginException} naming it. Thread-safe.
 */
final class SignalRunner {
  private final List<Signal> signals;

  @Inject
  SignalRunner(Set<Signal> signals) {
    List<Signal> sorted = new ArrayList<>(requireNonNull(signals, "signals"));
    sorted.sort(Comparator.comparing(SignalRunner::nameOf));
    for (int i = 0; i < sorted.size(); i++) {
      String name = nameOf(sorted.get(i));
      if (ChampionSettings.BUILT_IN.contains(name)) {
        throw new PluginException("signal " + name + " has the name of a built-in component", null);
      }
      if (i > 0 && name.equals(nameOf(sorted.get(i - 1)))) {
        throw new PluginException("two signals are named " + name, null);
      }
    }
    this.signals = List.copyOf(sorted);
  }

  private static String nameOf(Signal s) {
    try {
      return ChampionSettings.checkName(s.name());
    } catch (RuntimeException e) {
      throw new PluginException("signal " + s.getClass().getName() + " has an invalid name: " + e.getMessage(), e);
    }
  }

  boolean isEmpty() {
    return signals.isEmpty();
  }

  /** The values of every signal, per node, with their names, weights and evidence. */
  Values run(TenantId tenant, SignalWindow window, WindowEvents events, WindowGraph wg, Roster.View roster,
      ChampionSettings settings) {
    int k = signals.size();
    List<String> names = new ArrayList<>(k);
    double[] weights = new double[k];
    double[][] values = new double[k][];
    List<Map<Integer, List<String>>> evidence = new ArrayList<>(k);
    Map<MemberId, Integer> nodeOf = k == 0 ? Map.of() : nodeIndex(wg, roster);
    for (int s = 0; s < k; s++) {
      Signal signal = signals.get(s);
      String name = signal.name();
      names.add(name);
      double fallback = signal.defaultWeight();
      if (!(fallback >= 0) || Double.isInfinite(fallback)) {
        throw new PluginException("signal " + name + " has an invalid default weight " + fallback, null);
      }
      weights[s] = settings.weight(name, fallback);
      SignalValues result;
      try {
        result = requireNonNull(signal.compute(tenant, window, events), "signal result");
      } catch (UnsupportedOperationException e) {
        throw new PluginException("signal " + name + " implements neither compute method", e);
      } catch (RuntimeException e) {
        throw new PluginException("signal " + name + " failed: " + e.getClass().getSimpleName(), e);
      }
      double[] v = new double[wg.nodeCount()];
      Map<Integer, List<String>> ev = new HashMap<>();
      for (Map.Entry<MemberId, SignalValue> e : result.values().entrySet()) {
        Integer node = nodeOf.get(e.getKey());
        if (node != null) {
          v[node] = e.getValue().value();
          ev.put(node, e.getValue().evidence());
        }
      }
      values[s] = v;
      evidence.add(ev);
    }
    return new Values(List.copyOf(names), weights, values, evidence);
  }

  private static Map<MemberId, Integer> nodeIndex(WindowGraph wg, Roster.View roster) {
    Map<MemberId, Integer> m = new HashMap<>(wg.nodeCount() * 2);
    for (int v = 0; v < wg.nodeCount(); v++) {
      m.put(roster.member(wg.rosterOf[v]).id(), v);
    }
    return m;
  }

  /** Signal values of one request. */
  record Values(List<String> names, double[] weights, double[][] values, List<Map<Integer, List<String>>> evidence) {}
}
