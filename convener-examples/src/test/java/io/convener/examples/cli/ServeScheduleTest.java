package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.core.Conveners;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --backup-dir --backup-every --metrics-port}: backups appear on schedule, metrics answer, bad options are usage errors. */
class ServeScheduleTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void servesWithScheduledBackupsAndPrometheusMetrics() throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("convener.db");
    try (Convener convener = Conveners.builder().database(db).build()) {
      convener.ingest().submit(Principal.of(TenantId.of("acme"), "ops", Role.ADMIN),
          List.of(Member.of(MemberId.of("a")), Member.of(MemberId.of("b"))), List.of());
    }
    Path backups = dir.resolve("backups");
    int metricsPort = freePort();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serving = new Thread(() -> code.set(run("--db", db, "serve", "--port", "0",
        "--issuer", "https://login.example.com/", "--jwks-url", "http://127.0.0.1:9/jwks.json",
        "--backup-dir", backups.toString(), "--backup-every", "2s", "--backup-keep", "2",
        "--metrics-port", Integer.toString(metricsPort))));
    serving.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> backupsOf(backups.resolve("acme")) >= 2);
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("convener_backup_age_seconds").contains("convener_scheduled_runs_total");
      // Three runs at least, of which --backup-keep 2 leaves the newest two.
      Set<String> seen = ConcurrentHashMap.newKeySet();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        seen.addAll(names(backups.resolve("acme")));
        return seen.size() >= 3;
      });
      // The oldest file is pruned right after the next is written: wait for the pruning to be seen.
      await().atMost(Duration.ofSeconds(30)).until(() -> names(backups.resolve("acme")).size() <= 2);
    } finally {
      serving.interrupt();
      serving.join(30_000);
    }
    assertThat(code).as(err.toString()).hasValue(ConvenerCommand.OK);

    // A scheduled backup restores into a new store, with the tenant's keyset copied over.
    Path newest = dir.resolve("backups/acme").resolve(names(backups.resolve("acme")).stream().sorted()
        .reduce((a, b) -> b).orElseThrow());
    Path restored = Files.createDirectories(dir.resolve("restored/keys"));
    try (Stream<Path> keysets = Files.list(dir.resolve("keys"))) {
      for (Path keyset : keysets.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.copy(keyset, restored.resolve(keyset.getFileName()));
      }
    }
    String target = "jdbc:sqlite:" + dir.resolve("restored/convener.db");
    assertThat(run("--db", target, "--format", "json", "restore", "--in", newest.toString())).as(err.toString())
        .isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("members").asLong()).as("the members are back")
        .isEqualTo(2);
  }

  @Test
  void aBadDurationOrAHalfBackupOptionIsAUsageError() {
    assertThat(run("--db", "jdbc:sqlite:" + dir.resolve("x.db"), "serve", "--issuer", "https://i.example/",
        "--jwks-url", "http://127.0.0.1:9/j", "--backup-dir", dir.toString(), "--backup-every", "10x"))
        .isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("--backup-every").contains("'10x' is not a duration such as 10s, 15m, 1h");
    assertThat(run("--db", "jdbc:sqlite:" + dir.resolve("x.db"), "serve", "--issuer", "https://i.example/",
        "--jwks-url", "http://127.0.0.1:9/j", "--backup-every", "10s")).isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("give --backup-dir and --backup-every together");
  }

  private static List<String> names(Path tenantDir) throws IOException {
    try (Stream<Path> files = Files.list(tenantDir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).toList();
    }
  }

  private static long backupsOf(Path tenantDir) throws IOException {
    if (!Files.isDirectory(tenantDir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(tenantDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).count();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
