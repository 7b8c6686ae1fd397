package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TeamId;
import io.convener.api.innovation.ReplicationSuggestion;
import io.convener.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hit rate at {@value #K} of replication suggestions on {@link PlantedReplication}: suggest at the
 * cut-off from the events up to it, as the service reads them, and count how many of the top
 * {@value #K} teams adopted in the {@value PlantedReplication#HORIZON} days after it; the baseline is the expected hit rate of {@value #K} teams drawn
 * at random from the same candidates (later adopters / candidates), and the oracle ranks by the
 * planted hazard at the cut-off, the ceiling for any ranking. The held-out seeds were fixed
 * (and committed) before the ranking was first run on them; the tuning seeds are 1 to 5. Prints the
 * table of docs/innovation.md; {@code -Dconvener.replication.seeds=1,2,3} prints it for other seeds
 * instead of asserting.
 */
class ReplicationQualityTest {
  /** Chosen before looking; never used for tuning. */
  static final long[] HELD_OUT = {1901, 1902, 1903, 1904, 1905, 1906, 1907, 1908, 1909, 1910, 1911, 1912, 1913,
      1914, 1915, 1916, 1917, 1918, 1919, 1920};
  static final int K = 5;

  /** What one seed gives. */
  record Quality(long seed, int adopters, int candidates, int later, int hits, int oracleHits) {
    double hitRate() {
      return (double) hits / K;
    }

    double oracle() {
      return (double) oracleHits / K;
    }

    double baseline() {
      return candidates == 0 ? 0 : (double) later / candidates;
    }
  }

  @Test
  void heldOutSeedsBeatTheRandomBaseline() {
    String chosen = System.getProperty("convener.replication.seeds");
    long[] seeds = chosen == null || chosen.isBlank() ? HELD_OUT
        : Arrays.stream(chosen.split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray();
    List<Quality> rows = Arrays.stream(seeds).mapToObj(ReplicationQualityTest::measure).toList();
    double hit = rows.stream().mapToDouble(Quality::hitRate).average().orElse(0);
    double base = rows.stream().mapToDouble(Quality::baseline).average().orElse(0);
    double oracle = rows.stream().mapToDouble(Quality::oracle).average().orElse(0);
    StringBuilder table = new StringBuilder("| seed | adopting teams at T | candidates | adopted in (T, T+30d] | hits in top "
        + K + " | hit rate@" + K + " | random baseline | oracle |\n|---|---|---|---|---|---|---|---|\n");
    for (Quality q : rows) {
      table.append(String.format("| %d | %d | %d | %d | %d | %.2f | %.2f | %.2f |%n", q.seed(), q.adopters(),
          q.candidates(), q.later(), q.hits(), q.hitRate(), q.baseline(), q.oracle()));
    }
    table.append(String.format("| **mean** | | | | | %.3f | %.3f | %.3f |%n", hit, base, oracle));
    System.out.println(table);
    if (chosen == null || chosen.isBlank()) {
      // The goal set before the first held-out run was 1.5 × the baseline; that run gave 0.49 against
      // 0.41, and the oracle that ranks by the planted hazard itself reaches only 0.51, so the
      // generator's noise caps any ranking there. Asserted since: above the baseline, within 90% of
      // the oracle (docs/innovation.md reports the same table).
      assertThat(hit).as(table.toString()).isGreaterThan(base).isGreaterThanOrEqualTo(0.9 * oracle);
    }
  }

  /** Suggests at the cut-off of the world of {@code seed} and scores the top {@value #K}. */
  static Quality measure(long seed) {
    System.out.println("replication quality seed " + seed);
    PlantedReplication.World world = PlantedReplication.generate(seed);
    ReplicationEvidence.Builder b = new ReplicationEvidence.Builder(world.members());
    for (Event e : world.events()) {
      if (!e.at().isAfter(world.cutoff())) {
        b.accept(e);
      }
    }
    Set<TeamId> adopters = new HashSet<>(Set.of(world.origin()));
    Set<TeamId> later = new HashSet<>();
    for (Map.Entry<TeamId, Integer> a : world.adoptedOn().entrySet()) {
      Instant on = PlantedReplication.START.plusSeconds(a.getValue() * 86_400L);
      if (!on.isAfter(world.cutoff())) {
        adopters.add(a.getKey());
      } else if (!on.isAfter(world.cutoff().plus(Duration.ofDays(PlantedReplication.HORIZON)))) {
        later.add(a.getKey());
      }
    }
    List<ReplicationSuggestion> ranked = new ReplicationRanking(b.build(), adopters).rank();
    int hits = (int) ranked.stream().limit(K).filter(s -> later.contains(s.team())).count();
    int oracleHits = (int) world.hazardAtCutoff().entrySet().stream()
        .sorted(Map.Entry.<TeamId, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(K).filter(e -> later.contains(e.getKey())).count();
    return new Quality(seed, adopters.size(), ranked.size(), later.size(), hits, oracleHits);
  }
}
