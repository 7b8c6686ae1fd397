package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import io.convener.core.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's quotas over HTTP: a tenant over its quota gets 429 with Retry-After and problem
 * details, other tenants are not affected; inside a tenant, a member flooding an API is held to
 * its share while the admin still gets through, and the tenant's total still holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
  private static final String INBOX = "/v1/notifications";

  Convener convener;
  ConvenerHttpServer server;
  Client client;

  /** 2 verifications an hour per tenant; 12 inbox reads an hour per tenant, 6 per subject. */
  @BeforeAll
  void start(@TempDir Path dir) {
    RateLimits limits = RateLimits.defaults()
        .with("provenance.verify", new RateLimits.Quota(2, Duration.ofHours(1)))
        .with("notify.inbox", new RateLimits.Quota(12, Duration.ofHours(1)));
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath())
        .inMemoryKeys().settings(ConvenerSettings.defaults().withRateLimits(limits)).build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
  }

  @AfterAll
  void stop() {
    server.close();
    convener.close();
  }

  @Test
  void aTenantOverItsQuotaGets429WithRetryAfter() {
    // Two admins, one call each: each is within its share (1 of 2), the tenant's 2 are used.
    assertThat(client.get("/v1/provenance/verify", Tokens.token("acme", "ops", "admin")).status()).isEqualTo(200);
    assertThat(client.get("/v1/provenance/verify", Tokens.token("acme", "ops-2", "admin")).status()).isEqualTo(200);
    Client.Reply limited = client.get("/v1/provenance/verify", Tokens.token("acme", "ops-3", "admin"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
    assertThat(client.get("/v1/provenance/verify", Tokens.token("globex", "ops", "admin")).status()).isEqualTo(200);
  }

  /**
   * Three threads flood as one member; once the member is refused, the admin calls while the
   * flood goes on. Then two more members flood at once and share only what the tenant has left.
   * The quota (12 an hour, 6 per subject) refills by less than one call while the test runs.
   */
  @Test
  void aFloodingMemberIsHeldToItsShareWhileTheAdminGetsThrough() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      String member = Tokens.token("initech", "m-1", "member");
      AtomicBoolean adminDone = new AtomicBoolean();
      CountDownLatch refused = new CountDownLatch(1);
      AtomicInteger memberOk = new AtomicInteger();
      AtomicInteger member429 = new AtomicInteger();
      List<Future<?>> flood = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        flood.add(threads.submit(() -> {
          for (int i = 0; i < 500 && !adminDone.get(); i++) {
            int status = client.get(INBOX, member).status();
            if (status == 200) {
              memberOk.incrementAndGet();
            } else if (status == 429) {
              member429.incrementAndGet();
              refused.countDown();
            }
          }
        }));
      }
      assertThat(refused.await(60, TimeUnit.SECONDS)).as("the member's flood is refused").isTrue();
      String admin = Tokens.token("initech", "ops", "admin");
      List<Integer> adminStatuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        adminStatuses.add(client.get(INBOX, admin).status());
      }
      adminDone.set(true);
      for (Future<?> f : flood) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(adminStatuses).as("the admin during the flood").containsOnly(200);
      assertThat(memberOk.get()).as("the member's share").isBetween(6, 7);
      assertThat(member429.get()).isPositive();

      // 10 of the tenant's 12 are used; two more members, 6 each by share, get 2 between them.
      List<Future<Integer>> others = new ArrayList<>();
      for (String subject : List.of("m-2", "m-2", "m-3", "m-3")) {
        String token = Tokens.token("initech", subject, "member");
        others.add(threads.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 4; i++) {
            ok += client.get(INBOX, token).status() == 200 ? 1 : 0;
          }
          return ok;
        }));
      }
      int othersOk = 0;
      for (Future<Integer> f : others) {
        othersOk += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(memberOk.get() + adminStatuses.size() + othersOk).as("the tenant's total").isBetween(12, 13);
    } finally {
      threads.shutdownNow();
    }
  }
}
