package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --region-db} and {@code --tenant-region}: a tenant's data goes to its region's database,
 * its pin routes it later, a contrary assignment and malformed options are one clear line.
 */
class RegionCommandTest {
  private static final String SECRET = "region-secret-2468";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--region-db", "eu=jdbc:sqlite:" + dir.resolve("eu.db"),
        "--region-db", "us=jdbc:sqlite:" + dir.resolve("us.db"), "--tenant", "acme", "--as-of", "2026-11-01T00:00:00Z"));
    all.addAll(List.of(args));
    return ConvenerCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aTenantIngestedIntoItsRegionIsServedFromItAndRefusedElsewhere() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, ChampionCommandsTest.DATA);

    assertThat(run("--tenant-region", "acme=eu", "ingest", file.toString())).as(err.toString()).isZero();
    assertThat(run("--format", "json", "champions")).as(err.toString()).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("champions")).isNotEmpty();
    assertThat(rows("eu.db", "SELECT COUNT(*) FROM events WHERE tenant_id = 'acme'")).isEqualTo(11);
    assertThat(rows("us.db", "SELECT COUNT(*) FROM tenants")).isZero();

    assertThat(run("--tenant-region", "acme=us", "champions")).isEqualTo(ConvenerCommand.ERROR);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("convener: ")
        .contains("tenant 'acme' is assigned to region 'us', but its data is in the database of region 'eu'");
    assertThat(rows("us.db", "SELECT COUNT(*) FROM tenants")).isZero();
  }

  @Test
  void aNewTenantNeedsAnAssignment() {
    assertThat(run("champions")).isEqualTo(ConvenerCommand.ERROR);
    assertThat(err.toString()).contains("tenant 'acme' is assigned to no region", "--tenant-region acme=REGION");
  }

  @Test
  void malformedRegionOptionsAreUsageErrorsThatNeverRepeatTheUrl() {
    String[][] cases = {
      {"--db", "jdbc:sqlite:" + dir.resolve("one.db"), "champions"},
      {"--region-db", "jdbc:postgresql://db/x?password=" + SECRET, "champions"},
      {"--region-db", "ap=", "champions"},
      {"--tenant-region", "acme", "champions"},
      {"--tenant-region", "acme=mars", "champions"},
    };
    for (String[] c : cases) {
      assertThat(run(c)).as(String.join(" ", c) + ": " + err).isEqualTo(ConvenerCommand.USAGE);
      assertThat(err.toString().lines()).hasSize(1);
      assertThat(err.toString()).startsWith("convener: ").doesNotContain(SECRET);
    }
    err.getBuffer().setLength(0);
    assertThat(ConvenerCommand.run(new String[] {"--tenant-region", "acme=eu", "--tenant", "acme", "champions"},
        new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(ConvenerCommand.USAGE);
    assertThat(err.toString()).contains("--tenant-region needs the regions");
  }

  private long rows(String file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
