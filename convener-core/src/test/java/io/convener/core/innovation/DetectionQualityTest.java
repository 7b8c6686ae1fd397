package io.convener.core.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.innovation.DetectionSettings;
import io.convener.api.innovation.InnovationCandidate;
import io.convener.api.innovation.InnovationSpread;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of innovation detection at the default settings on {@link PlantedPractices}.
 * The held-out seeds were fixed (and committed) before detection was first run on them; the
 * defaults were chosen on the tuning seeds 1 to 5 only. Prints the table of docs/innovation.md;
 * {@code -Dconvener.detection.seeds=1,2,3} prints it for other seeds instead of asserting.
 */
class DetectionQualityTest {
  /** Chosen before looking; never used for tuning. */
  static final long[] HELD_OUT = {1001, 2002, 3003, 4004, 5005, 6006, 7007, 8008, 9009, 10010};

  /** What one seed gives. */
  record Quality(long seed, int planted, int detected, int truePositives) {
    double precision() {
      return detected == 0 ? 1.0 : (double) truePositives / detected;
    }

    double recall() {
      return planted == 0 ? 1.0 : (double) truePositives / planted;
    }
  }

  @Test
  void heldOutSeedsMeetTheGoals() {
    String chosen = System.getProperty("convener.detection.seeds");
    long[] seeds = chosen == null || chosen.isBlank() ? HELD_OUT
        : Arrays.stream(chosen.split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray();
    List<Quality> rows = Arrays.stream(seeds).mapToObj(s -> measure(s, DetectionSettings.defaults())).toList();
    Quality pooled = new Quality(0, rows.stream().mapToInt(Quality::planted).sum(),
        rows.stream().mapToInt(Quality::detected).sum(), rows.stream().mapToInt(Quality::truePositives).sum());
    StringBuilder table = new StringBuilder("| seed | planted | detected | correct | precision | recall |\n"
        + "|---|---|---|---|---|---|\n");
    for (Quality q : rows) {
      table.append(row(Long.toString(q.seed()), q));
    }
    table.append(row("**all**", pooled));
    System.out.println(table);
    if (chosen == null || chosen.isBlank()) {
      assertThat(pooled.precision()).as(table.toString()).isGreaterThanOrEqualTo(0.9);
      assertThat(pooled.recall()).as(table.toString()).isGreaterThanOrEqualTo(0.8);
    }
  }

  /** Runs detection over the world of {@code seed} as the service does, in a 180-day window. */
  static Quality measure(long seed, DetectionSettings settings) {
    PlantedPractices.World world = PlantedPractices.generate(seed);
    Map<MemberId, List<TeamId>> teams = new HashMap<>();
    for (Member m : world.members()) {
      teams.put(m.id(), m.teams());
    }
    CandidateDetector detector = new CandidateDetector(
        PlantedPractices.AS_OF.minus(InnovationSpread.DEFAULT_DETECTION_WINDOW), PlantedPractices.AS_OF, settings,
        m -> teams.getOrDefault(m, List.of()));
    for (Event e : world.events()) {
      detector.accept(e);
    }
    Set<String> found = new HashSet<>();
    for (InnovationCandidate c : detector.candidates()) {
      found.add(c.tag());
    }
    int correct = (int) found.stream().filter(world.innovations()::contains).count();
    return new Quality(seed, world.innovations().size(), found.size(), correct);
  }

  private static String row(String seed, Quality q) {
    return String.format("| %s | %d | %d | %d | %.3f | %.3f |%n", seed, q.planted(), q.detected(),
        q.truePositives(), q.precision(), q.recall());
  }
}
