package io.convener.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.core.Conveners;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/innovation/candidates}: list, confirm, the reason a decoy is refused, and roles. */
class InnovationDetectionHttpTest {
  private static final String AS_OF = "2025-06-01T00:00:00Z";
  private final String admin = Tokens.token("acme", "ops", "admin");
  private Convener convener;
  private ConvenerHttpServer server;
  private Client client;

  @BeforeEach
  void start(@TempDir Path dir) {
    convener = Conveners.builder().database("jdbc:h2:" + dir.resolve("db").toAbsolutePath()).inMemoryKeys().build();
    server = ConvenerHttpServer.builder(convener, Tokens.verifier()).bind("127.0.0.1", 0).start();
    client = new Client(server.uri());
    List<String> lines = new ArrayList<>();
    for (String[] m : new String[][] {{"ana", "t-a"}, {"bo", "t-b"}, {"cy", "t-c"}, {"di", "t-d"}}) {
      lines.add("{\"type\":\"member\",\"id\":\"" + m[0] + "\",\"teams\":[\"" + m[1] + "\"]}");
    }
    for (int day = 1; day <= 15; day += 2) {
      lines.add(use(lines.size(), "ana", "t-a", day, "mob-review"));
      lines.add(use(lines.size(), "ana", "t-a", day, "solo"));
    }
    lines.add(use(lines.size(), "bo", "t-b", 20, "mob-review"));
    lines.add(use(lines.size(), "cy", "t-c", 22, "mob-review"));
    lines.add(use(lines.size(), "di", "t-d", 25, "mob-review"));
    assertThat(client.post("/v1/events", admin, String.join("\n", lines)).status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
    convener.close();
  }

  private static String use(int n, String actor, String team, int day, String tag) {
    return String.format("{\"id\":\"e%d\",\"at\":\"2025-03-%02dT09:00:00Z\",\"kind\":\"message\",\"actor\":\"%s\","
        + "\"team\":\"%s\",\"tags\":[\"%s\"]}", n, day, actor, team, tag);
  }

  @Test
  void listsAndConfirmsACandidate() {
    Client.Reply listed = client.get("/v1/innovation/candidates?window=180d&asOf=" + AS_OF, admin);
    assertThat(listed.status()).isEqualTo(200);
    JsonNode c = listed.json().get("candidates").get(0);
    assertThat(c.get("tag").asText()).isEqualTo("mob-review");
    assertThat(c.get("originTeam").asText()).isEqualTo("t-a");
    assertThat(c.get("teams").asInt()).isEqualTo(4);
    assertThat(c.get("adopters").asInt()).isEqualTo(3);

    Client.Reply confirmed = client.post("/v1/innovation/candidates/mob-review/confirm?asOf=" + AS_OF, admin, "");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("innovation").asText()).isEqualTo("practice:mob-review");
    Client.Reply spread = client.get("/v1/innovation/spread/practice:mob-review", admin);
    assertThat(spread.status()).isEqualTo(200);
    assertThat(spread.json().get("adoptions").asInt()).isEqualTo(3);
  }

  @Test
  void aDecoyIsAProblemWithTheReasonAndMembersAreRefused() {
    Client.Reply refused = client.post("/v1/innovation/candidates/solo/confirm?asOf=" + AS_OF, admin, "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("did not spread").doesNotContain("Exception").doesNotContain("at io.");

    assertThat(client.get("/v1/innovation/candidates?window=0d", admin).status()).isEqualTo(400);
    String member = Tokens.token("acme", "bo", "member");
    assertThat(client.get("/v1/innovation/candidates", member).status()).isEqualTo(403);
    assertThat(client.post("/v1/innovation/candidates/mob-review/confirm", member, "").status()).isEqualTo(403);
  }
}
