package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code /health/ready} asks the store. After a crash the store hung every call while
 * readiness kept saying ready; here another connection holds SQLite's write lock, so that the
 * store takes no write.
 */
class ReadinessTest {
  @TempDir Path dir;

  @Test
  void notReadyWhileTheStoreDoesNotAnswerAndReadyOnceItDoes() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("c.db").toAbsolutePath();
    try (Convener convener = Conveners.builder().database(url).inMemoryKeys().build();
        ConvenerHttpServer server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
        Connection other = DriverManager.getConnection(url);
        Statement s = other.createStatement()) {
      Client client = new Client(server.uri());
      assertThat(client.get("/health/ready", null).status()).isEqualTo(200);

      other.setAutoCommit(false);
      s.executeUpdate("UPDATE tenants SET event_count = 0"); // takes the write lock and keeps it
      Client.Reply blocked = client.get("/health/ready", null);
      assertThat(blocked.status()).isEqualTo(503);
      JsonNode body = blocked.json();
      assertThat(body.get("status").asText()).isEqualTo("not ready");
      assertThat(body.get("reason").asText()).isEqualTo("the store does not answer");
      assertThat(client.get("/health/live", null).status()).as("alive all the same").isEqualTo(200);

      other.rollback();
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> client.get("/health/ready", null).status(), status -> status == 200);
    }
  }
}
