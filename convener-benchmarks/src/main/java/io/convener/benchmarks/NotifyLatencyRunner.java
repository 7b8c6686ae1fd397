package io.convener.benchmarks;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.NotificationDraft;
import io.convener.api.notify.Subscription;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Latency from trigger to an in-process listener: an approval request (which commits its
 * {@code approval.requested} notification to the outbox with its provenance entry) to the moment the
 * subject's subscription receives it from the background relay, one request at a time, on an H2
 * file database in a temporary directory. Reports p50, p95, p99 and max over the measured requests,
 * after a warm-up. Not a timed test; run by hand:
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.NotifyLatencyRunner [requests] [warmup]
 * </pre>
 */
public final class NotifyLatencyRunner {
  private static final TenantId TENANT = TenantId.of("latency");

  private NotifyLatencyRunner() {}

  /** Defaults: 2,000 measured requests after 300 warm-up ones. */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path dir = Files.createTempDirectory("convener-notify-latency");
    RateLimits unlimited = RateLimits.defaults().with("approvals.request",
        new RateLimits.Quota(1_000_000, Duration.ofSeconds(1)));
    ConvenerSettings settings = ConvenerSettings.defaults().withRateLimits(unlimited);
    Principal admin = Principal.of(TENANT, "admin", Role.ADMIN);
    Principal manager = Principal.of(TENANT, "manager", Role.COMMUNITY_MANAGER);
    MemberId subject = MemberId.of("subject");
    try (Convener convener = Conveners.builder().settings(settings).inMemoryKeys()
        .database("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()).build()) {
      List<Purpose> enabled = new ArrayList<>(Purpose.standard());
      enabled.add(NotificationDraft.DIRECT);
      convener.consent().setPolicy(admin, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
      convener.ingest().submit(admin, List.of(Member.of(subject)), List.of());
      convener.consent().grant(Principal.of(TENANT, "subject", Role.MEMBER), subject, NotificationDraft.DIRECT, "n1");
      LinkedBlockingQueue<Long> received = new LinkedBlockingQueue<>();
      long[] latencies = new long[requests];
      Subscription s = convener.notifier().subscribe(Principal.of(TENANT, "subject", Role.MEMBER), 0,
          m -> received.offer(System.nanoTime()));
      try {
        for (int i = -warmup; i < requests; i++) {
          long start = System.nanoTime();
          convener.approvals().request(manager, subject, Purpose.PROFILE_SHARE, "scope-" + i);
          Long at = received.poll(10, TimeUnit.SECONDS);
          if (at == null) {
            throw new IllegalStateException("request " + i + " was not delivered within 10 s");
          }
          if (i >= 0) {
            latencies[i] = at - start;
          }
        }
      } finally {
        s.close();
      }
      Arrays.sort(latencies);
      System.out.printf(Locale.ROOT, "requests=%d warmup=%d p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms%n",
          requests, warmup, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
          latencies[latencies.length - 1] / 1e6);
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
