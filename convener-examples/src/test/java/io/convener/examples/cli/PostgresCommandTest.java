package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on PostgreSQL: the driver is in the command, the user and password come from {@code
 * CONVENER_DB_USER} / {@code CONVENER_DB_PASSWORD}, and no failure shows a password. The tests
 * that need a server skip themselves without {@code CONVENER_PG_URL} (with {@code
 * CONVENER_PG_USER} and {@code CONVENER_PG_PASSWORD}); each works in a schema of its own.
 */
class PostgresCommandTest {
  private static final String URL_SECRET = "url-secret-4711";
  private static final String ENV_SECRET = "env-secret-0815";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConvenerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
  }

  private void assertOneLineWithoutSecrets(String... secrets) {
    String stderr = err.toString();
    assertThat(stderr.lines()).as(stderr).hasSize(1);
    assertThat(stderr).startsWith("convener: ").doesNotContain("\tat ");
    for (String secret : secrets) {
      assertThat(stderr).doesNotContain(secret);
      assertThat(out.toString()).doesNotContain(secret);
    }
  }

  @Test
  void anUnreachableServerIsOneLineWithoutThePasswordOfTheUrlOrTheEnvironment() {
    int code = run(Map.of(Stores.DB_USER, "convener", Stores.DB_PASSWORD, ENV_SECRET),
        "--db", "jdbc:postgresql://127.0.0.1:1/convener?password=" + URL_SECRET + "&connectTimeout=2",
        "--tenant", "acme", "champions");

    assertThat(code).isEqualTo(ConvenerCommand.ERROR);
    assertOneLineWithoutSecrets(URL_SECRET, ENV_SECRET);
    assertThat(err.toString()).contains("POSTGRESQL database jdbc:postgresql://127.0.0.1:1/convener")
        .doesNotContain("No suitable driver");
  }

  @Test
  void aWrongPasswordIsOneLineThatSaysSoWithoutThePassword() {
    String url = server();
    Map<String, String> env = Map.of(Stores.DB_USER, env("CONVENER_PG_USER", ""), Stores.DB_PASSWORD, ENV_SECRET);

    int code = run(env, "--db", url, "--tenant", "acme", "champions");

    assertThat(code).isEqualTo(ConvenerCommand.ERROR);
    assertOneLineWithoutSecrets(ENV_SECRET);
    assertThat(err.toString()).contains("password authentication failed");
  }

  @Test
  void ingestThenChampionsAndPulseWithCredentialsFromTheEnvironment() throws Exception {
    String schema = "convener_cli_" + UUID.randomUUID().toString().replace("-", "");
    String url = server();
    execute(url, "CREATE SCHEMA " + schema);
    try {
      Map<String, String> env = new HashMap<>();
      env.put(Stores.DB_USER, env("CONVENER_PG_USER", ""));
      env.put(Stores.DB_PASSWORD, env("CONVENER_PG_PASSWORD", ""));
      Path file = dir.resolve("data.jsonl");
      Files.writeString(file, ChampionCommandsTest.DATA);
      List<String> common = List.of("--db", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
          "--tenant", "acme", "--as-of", "2026-11-01T00:00:00Z", "--format", "json");

      assertThat(run(env, args(common, "ingest", file.toString()))).as(err.toString()).isZero();
      assertThat(json().get("accepted").asInt()).isEqualTo(16);

      assertThat(run(env, args(common, "champions"))).as(err.toString()).isZero();
      assertThat(json().get("champions")).extracting(c -> c.get("member").asText()).contains("cy", "dee");

      assertThat(run(env, args(common, "pulse", "--org", "eng"))).as(err.toString()).isZero();
      assertThat(json().get("suppressed").asBoolean()).as(out.toString()).isFalse();
      assertThat(json().get("metrics").get("members").asInt()).isEqualTo(5);
    } finally {
      execute(url, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  private static String[] args(List<String> common, String... command) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(command));
    return all.toArray(String[]::new);
  }

  /** The test server's URL, or the test is skipped. */
  private static String server() {
    String url = System.getenv("CONVENER_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "CONVENER_PG_URL is not set: skipping the PostgreSQL command tests");
    return url;
  }

  private static String env(String name, String otherwise) {
    @Nullable String value = System.getenv(name);
    return value == null ? otherwise : value;
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, env("CONVENER_PG_USER", ""), env("CONVENER_PG_PASSWORD", ""));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
