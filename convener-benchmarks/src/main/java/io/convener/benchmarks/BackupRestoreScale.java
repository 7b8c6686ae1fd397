package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupRequest;
import io.convener.api.backup.RestoreReport;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Backup and restore time at scale: a tenant of N events (1,000 members, messages between them
 * over a year) is loaded into a store of the first kind once, then backed up and restored into a
 * new store of each other kind named; prints wall times, the file size and the rows restored. The
 * restore time includes checking the whole file first and verifying the restored log.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -Xmx1g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.BackupRestoreScale \
 *     1000000 target/backup-scale sqlite sqlite h2
 * </pre>
 *
 * Kinds: {@code sqlite}, {@code h2} (files in the directory), or a {@code jdbc:postgresql:} URL of an
 * empty schema. A directory that already holds the source store is reused.
 */
public final class BackupRestoreScale {
  private static final TenantId TENANT = TenantId.of("scale");
  private static final Principal ADMIN = Principal.of(TENANT, "bench", Role.ADMIN);
  private static final int MEMBERS = 1_000;
  private static final int BATCH = 20_000;

  private BackupRestoreScale() {}

  /** Runs the scenario; see the class comment. */
  public static void main(String[] args) throws Exception {
    long events = Long.parseLong(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
    Path keys = dir.resolve("keys");
    ConvenerSettings settings = ConvenerSettings.defaults()
        .withRateLimits(RateLimits.defaults().with("ingest", new RateLimits.Quota(1_000_000, Duration.ofMinutes(1))));
    String source = url(args[2], dir.resolve("source"));
    Path backup = dir.resolve("scale.zip");
    try (Convener convener = Conveners.builder().database(source).settings(settings).keyDirectory(keys).build()) {
      if (!Files.exists(dir.resolve("loaded"))) {
        long t0 = System.nanoTime();
        load(convener, events);
        Files.writeString(dir.resolve("loaded"), events + "\n");
        System.out.printf(Locale.ROOT, "loaded %d events into %s in %.1f s%n", events, args[2], seconds(t0));
      }
      long t0 = System.nanoTime();
      BackupManifest manifest = convener.backups().write(BackupRequest.of(TENANT), backup);
      System.out.printf(Locale.ROOT, "backup of %d events from %s: %.1f s, %.1f MB%n",
          manifest.tenant(TENANT).orElseThrow().rows("events"), args[2], seconds(t0), Files.size(backup) / 1e6);
    }
    for (int i = 3; i < args.length; i++) {
      String target = url(args[i], dir.resolve("target-" + i));
      try (Convener convener = Conveners.builder().database(target).settings(settings).keyDirectory(keys).build()) {
        long t0 = System.nanoTime();
        RestoreReport report = convener.backups().restore(backup);
        System.out.printf(Locale.ROOT, "restore into %s: %.1f s (%d events, log of %d entries verified)%n", args[i],
            seconds(t0), report.tenants().get(0).rows("events"), report.tenants().get(0).verification().entries());
      }
    }
  }

  private static String url(String kind, Path base) {
    return switch (kind) {
      case "sqlite" -> "jdbc:sqlite:" + base + ".db";
      case "h2" -> "jdbc:h2:file:" + base;
      default -> kind;
    };
  }

  private static void load(Convener convener, long events) {
    Random random = new Random(16);
    List<Member> members = new ArrayList<>();
    for (int m = 0; m < MEMBERS; m++) {
      members.add(Member.builder(MemberId.of("m" + m)).teams(List.of(TeamId.of("t" + m % 40))).build());
    }
    convener.ingest().submit(ADMIN, members, List.of());
    Instant start = Instant.parse("2025-11-01T00:00:00Z");
    for (long done = 0; done < events; done += BATCH) {
      List<Event> batch = new ArrayList<>(BATCH);
      for (long i = done; i < Math.min(events, done + BATCH); i++) {
        int actor = random.nextInt(MEMBERS);
        batch.add(Event.builder(EventId.of("e" + i), start.plusSeconds(i * 31_536_000L / events), EventKind.MESSAGE,
                MemberId.of("m" + actor))
            .targets(List.of(MemberId.of("m" + random.nextInt(MEMBERS)))).team(TeamId.of("t" + actor % 40)).build());
      }
      convener.ingest().submit(ADMIN, List.of(), batch);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
