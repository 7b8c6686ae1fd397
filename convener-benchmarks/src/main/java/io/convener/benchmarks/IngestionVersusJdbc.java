package io.convener.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ingestion comparison of {@link IngestionBenchmark}, run by hand so that the two contenders
 * alternate: each round times Convener's ingestion and then plain JDBC batches, each into a fresh
 * database, so that load from elsewhere on the machine falls on both alike. Prints the median of
 * each, in rows per second, and their ratio.
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.IngestionVersusJdbc [rounds] [members]
 * </pre>
 */
public final class IngestionVersusJdbc {
  private IngestionVersusJdbc() {}

  /** Runs {@code rounds} (default 9) alternating rounds on H2 and SQLite after two warm-up rounds. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 800;
    System.out.printf("%-7s %8s %14s %14s %7s%n", "db", "events", "convener r/s", "plain r/s", "ratio");
    for (String db : new String[] {"h2", "sqlite"}) {
      IngestionBenchmark bench = new IngestionBenchmark();
      bench.db = db;
      bench.members = members;
      bench.generate();
      try {
        double[] convener = new double[rounds];
        double[] plain = new double[rounds];
        for (int round = -2; round < rounds; round++) {
          double c = time(bench, true);
          double p = time(bench, false);
          if (round >= 0) {
            convener[round] = c;
            plain[round] = p;
          }
        }
        int events = bench.eventCount();
        double c = events / median(convener);
        double p = events / median(plain);
        System.out.printf(Locale.ROOT, "%-7s %8d %14.0f %14.0f %7.2f%n", db, events, c, p, c / p);
      } finally {
        bench.deleteInput();
      }
    }
  }

  private static double time(IngestionBenchmark bench, boolean convener) throws Exception {
    bench.openDatabase();
    try {
      long start = System.nanoTime();
      if (convener) {
        bench.convenerIngest();
      } else {
        bench.plainJdbcBatch();
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      bench.closeDatabase();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
