package io.convener.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.approval.Approval;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Member;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import io.convener.http.auth.TokenVerifierSettings;
import io.convener.http.auth.TokenVerifiers;
import io.convener.http.ConvenerHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Notification latency over Server-Sent Events, end to end on loopback: N members each hold one
 * open {@code /v1/notifications/stream} (java.net.http, one connection each); an admin asks for
 * approvals at R per second for D seconds, round robin over the members, through the Java API
 * (the approval commits with its outbox row; the relay delivers to the stream). Latency is from
 * just before the approval request to the moment its event's data line is read by the client.
 * Prints p50/p95/p99/max, the share under 500 ms and the messages lost.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -Xmx2g -cp convener-benchmarks/target/benchmarks.jar io.convener.benchmarks.SseLatency [sessions] [perSecond] [seconds]
 * </pre>
 */
public final class SseLatency {
  private static final byte[] SECRET = "benchmark secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private SseLatency() {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    TenantId tenant = TenantId.of("bench");
    ConvenerSettings settings = ConvenerSettings.defaults().withRateLimits(
        new RateLimits(new RateLimits.Quota(10_000_000, Duration.ofSeconds(1)), Map.of()));
    try (Convener convener = Conveners.builder().database("jdbc:h2:mem:sse-latency;DB_CLOSE_DELAY=-1")
        .inMemoryKeys().settings(settings).build()) {
      Principal admin = Principal.of(tenant, "ops", Role.ADMIN);
      List<MemberId> members = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        members.add(MemberId.of("m-" + i));
      }
      convener.ingest().submit(admin, members.stream().map(m -> Member.builder(m).build()).toList(), List.of());
      List<Purpose> enabled = new ArrayList<>(Purpose.standard());
      enabled.add(NotificationDraft.DIRECT);
      convener.consent().setPolicy(admin, ConsentPolicy.enabling(enabled.toArray(Purpose[]::new)));
      for (MemberId m : members) {
        convener.consent().grant(Principal.of(tenant, m.value(), Role.MEMBER), m, NotificationDraft.DIRECT, "bench");
      }
      try (ConvenerHttpServer server = ConvenerHttpServer.builder(convener, TokenVerifiers.create(
              TokenVerifierSettings.builder().issuer("https://bench/").audience("convener").hmacSecret("k", SECRET).build()))
          .bind("127.0.0.1", 0).threads(sessions + 64).start()) {
        run(convener, server.uri(), admin, members, perSecond, seconds);
      }
    }
  }

  private static void run(Convener convener, URI base, Principal admin, List<MemberId> members, int perSecond,
      int seconds) throws Exception {
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    CountDownLatch open = new CountDownLatch(members.size());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(8)).build();
    for (MemberId m : members) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/notifications/stream"))
          .header("Authorization", "Bearer " + token(m.value())).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(open, line -> {
        if (line.startsWith("data: ")) {
          long now = System.nanoTime();
          arrived.putIfAbsent(approval(line.substring(6)), now);
        }
      })));
    }
    if (!open.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("streams did not open: " + open.getCount() + " left");
    }
    System.out.printf(Locale.ROOT, "%d streams open; %d notifications/s for %d s%n", members.size(), perSecond, seconds);
    ScheduledExecutorService load = Executors.newScheduledThreadPool(1);
    java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(8);
    AtomicInteger sent = new AtomicInteger();
    int total = perSecond * seconds;
    long periodNanos = 1_000_000_000L / perSecond;
    CountDownLatch done = new CountDownLatch(total);
    load.scheduleAtFixedRate(() -> {
      int n = sent.getAndIncrement();
      if (n >= total) {
        return;
      }
      MemberId subject = members.get(n % members.size());
      workers.execute(() -> {
        long t0 = System.nanoTime();
        Approval a = convener.approvals().request(admin, subject, Purpose.PROFILE_SHARE, "bench " + n);
        started.put(a.id().value(), t0);
        done.countDown();
      });
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    done.await(seconds * 3L, TimeUnit.SECONDS);
    load.shutdown();
    workers.shutdown();
    Thread.sleep(3000);
    long[] l = started.entrySet().stream().filter(e -> arrived.containsKey(e.getKey()))
        .mapToLong(e -> arrived.get(e.getKey()) - e.getValue()).toArray();
    int got = l.length;
    int triggered = started.size();
    Arrays.sort(l);
    long under = Arrays.stream(l).filter(x -> x < 500_000_000L).count();
    System.out.printf(Locale.ROOT, "triggered %d, received %d, lost %d%n", triggered, got, triggered - got);
    System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f;  under 500 ms: %.2f%%%n",
        ms(l, 0.50), ms(l, 0.95), ms(l, 0.99), got == 0 ? 0 : l[got - 1] / 1e6, got == 0 ? 0 : 100.0 * under / got);
    System.exit(0);
  }

  private static double ms(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static String approval(String data) {
    try {
      return JSON.readTree(data).path("payload").path("approval").asText();
    } catch (Exception e) {
      return "";
    }
  }

  private static String token(String subject) throws Exception {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"iss\":\"https://bench/\",\"aud\":\"convener\",\"sub\":\"" + subject
        + "\",\"tenant\":\"bench\",\"roles\":[\"member\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Reads lines as they arrive; counts the stream open at its first line. */
  private static final class Lines implements Flow.Subscriber<String> {
    private final CountDownLatch open;
    private final java.util.function.Consumer<String> onLine;
    private boolean first = true;

    Lines(CountDownLatch open, java.util.function.Consumer<String> onLine) {
      this.open = open;
      this.onLine = onLine;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (first) {
        first = false;
        open.countDown();
      }
      onLine.accept(line);
    }

    @Override
    public void onError(Throwable throwable) {
      System.err.println("stream failed: " + throwable);
    }

    @Override
    public void onComplete() {}
  }
}
