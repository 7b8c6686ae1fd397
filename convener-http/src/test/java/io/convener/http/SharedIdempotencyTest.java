package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.core.Conveners;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §4: two Convener nodes, each with its own HTTP server, on one PostgreSQL schema (and one
 * key directory, as nodes of one deployment share their keys). A key used on node A is replayed by
 * node B, and refused with 422 for another body; of concurrent claims on both nodes, one runs.
 * Skipped without {@code CONVENER_PG_URL}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedIdempotencyTest {
  static final String A = "acme";
  static final String BODY = "{\"asOf\":\"2026-11-01T00:00:00Z\",\"limit\":10}";
  static final Principal ADMIN = Principal.of(TenantId.of(A), "admin", Role.ADMIN);
  static final Principal MANAGER = Principal.of(TenantId.of(A), "cm", Role.COMMUNITY_MANAGER);

  SharedPostgres database;
  final List<Convener> nodes = new ArrayList<>();
  final List<ConvenerHttpServer> servers = new ArrayList<>();
  final List<Client> clients = new ArrayList<>();
  final String manager = Tokens.token(A, "cm", "community_manager");

  @BeforeAll
  void start(@TempDir Path keys) {
    database = new SharedPostgres();
    for (int i = 0; i < 2; i++) {
      Convener node = Conveners.builder().database(database.settings).keyDirectory(keys).build();
      nodes.add(node);
      if (i == 0) {
        seed(node);
      }
      ConvenerHttpServer server = ConvenerHttpServer.builder(node, Tokens.verifier()).bind("127.0.0.1", 0).start();
      servers.add(server);
      clients.add(new Client(server.uri()));
    }
  }

  @AfterAll
  void stop() {
    servers.forEach(ConvenerHttpServer::close);
    nodes.forEach(Convener::close);
    if (database != null) {
      database.close();
    }
  }

  static void seed(Convener convener) {
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    List<Member> members = new ArrayList<>();
    for (String id : List.of("ana", "ben", "cai")) {
      members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
    }
    String[][] replies = {{"ana", "ben"}, {"ben", "cai"}, {"cai", "ana"}};
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < replies.length; i++) {
      events.add(Event.builder(EventId.of("e" + i), asOf.minus(Duration.ofDays(2 + i)), EventKind.REPLY,
          MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
    }
    convener.ingest().submit(ADMIN, members, events);
    members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
  }

  Client.Reply post(int node, String key, String body) {
    return clients.get(node).send(clients.get(node).request("/v1/champions/discover", manager)
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Test
  void nodeBReplaysNodeAsResponseAndRefusesAnotherBodyWith422() {
    // node B appends to the log first, so that it holds the log's head when node A appends after it
    assertThat(post(1, "warm-up", BODY).status()).isEqualTo(200);
    Client.Reply first = post(0, "order-1", BODY);
    assertThat(first.status()).as(first.raw().body()).isEqualTo(200);

    Client.Reply replayed = post(1, "order-1", BODY);
    assertThat(replayed.status()).as(replayed.raw().body()).isEqualTo(200);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.raw().body()).isEqualTo(first.raw().body());

    Client.Reply reused = post(1, "order-1", "{\"asOf\":\"2026-11-01T00:00:00Z\",\"limit\":3}");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("code").asText()).isEqualTo("idempotency_key_reused");
  }

  @RepeatedTest(3)
  void ofConcurrentClaimsOnBothNodesExactlyOneWins() throws Exception {
    IdempotencyKey key = new IdempotencyKey("POST /v1/x", "race-" + System.nanoTime(), "f");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Claim>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Convener node = nodes.get(i % 2);
        claims.add(CompletableFuture.supplyAsync(() -> {
          await(go);
          return node.replays().claim(MANAGER, key, KeepPolicy.defaults());
        }, pool));
      }
      go.countDown();
      List<Claim> results = new ArrayList<>();
      for (CompletableFuture<Claim> c : claims) {
        results.add(c.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(c -> c instanceof Claim.Won).hasSize(1);
      assertThat(results).filteredOn(c -> c instanceof Claim.InProgress).hasSize(threads - 1);
    } finally {
      pool.shutdown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
