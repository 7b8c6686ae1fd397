package io.convener.core.internal.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Two tenants for the residency tests, each with people whose ids, names and emails carry the
 * tenant's mark, and a scan of every row of every table of an SQLite database.
 */
final class RegionFixture {
  static final TenantId ACME = TenantId.of("acme-eu-tenant");
  static final TenantId GLOBEX = TenantId.of("globex-us-tenant");
  static final List<String> PEOPLE = List.of("ana", "bo", "cy", "dee", "eve");

  private RegionFixture() {}

  static Principal admin(TenantId tenant) {
    return Principal.of(tenant, "admin", Role.ADMIN);
  }

  /** The member id of one of the tenant's people: the person's name and the tenant's mark. */
  static String member(TenantId tenant, String person) {
    return mark(tenant) + "-" + person + "-member";
  }

  /** Every value of the tenant that must stay in its region: tenant id, member ids, names, emails. */
  static List<String> secrets(TenantId tenant) {
    List<String> all = new ArrayList<>(List.of(tenant.value()));
    for (String p : PEOPLE) {
      all.add(member(tenant, p));
      all.add(displayName(tenant, p));
      all.add(email(tenant, p));
    }
    return all;
  }

  /** The values of the tenant that are stored in plain text: its id and its member ids. */
  static List<String> plainValues(TenantId tenant) {
    return secrets(tenant).stream().filter(s -> !s.contains("@") && !s.contains(" ")).toList();
  }

  private static String mark(TenantId tenant) {
    return tenant.value().substring(0, tenant.value().indexOf('-'));
  }

  private static String displayName(TenantId tenant, String person) {
    return "Person " + person + " of " + mark(tenant);
  }

  private static String email(TenantId tenant, String person) {
    return person + "@" + mark(tenant) + "-mail.example";
  }

  /** Ingests the tenant's people (with names and emails), collaborations, consent, an innovation and an adoption. */
  static void ingest(Convener convener, TenantId tenant) {
    StringBuilder lines = new StringBuilder();
    for (String p : PEOPLE) {
      lines.append(String.format("{\"type\":\"member\",\"id\":\"%s\",\"teams\":[\"core\"],\"org\":\"eng\","
          + "\"displayName\":\"%s\",\"email\":\"%s\"}%n", member(tenant, p), displayName(tenant, p), email(tenant, p)));
      lines.append(String.format("{\"id\":\"consent-%s\",\"at\":\"2026-10-01T00:00:00Z\",\"kind\":\"consent\","
          + "\"actor\":\"%s\",\"attrs\":{\"purpose\":\"champion.recommendation\",\"decision\":\"granted\"}}%n",
          p, member(tenant, p)));
    }
    for (int i = 0; i < PEOPLE.size(); i++) {
      lines.append(String.format("{\"id\":\"reply-%d\",\"at\":\"2026-10-2%dT09:00:00Z\",\"kind\":\"reply\","
          + "\"actor\":\"%s\",\"targets\":[\"%s\"]}%n", i, i, member(tenant, PEOPLE.get(i)),
          member(tenant, PEOPLE.get((i + 1) % PEOPLE.size()))));
    }
    lines.append(String.format("{\"id\":\"idea-1\",\"at\":\"2026-10-10T00:00:00Z\",\"kind\":\"innovation\","
        + "\"actor\":\"%s\",\"team\":\"core\"}%n", member(tenant, "ana")));
    lines.append(String.format("{\"id\":\"adopt-1\",\"at\":\"2026-10-12T00:00:00Z\",\"kind\":\"adoption\","
        + "\"actor\":\"%s\",\"team\":\"web\",\"refs\":[\"idea-1\"]}%n", member(tenant, "dee")));
    ingestLines(convener, tenant, lines.toString());
  }

  /** Ingests JSON Lines into the tenant, all of them taken. */
  static void ingestLines(Convener convener, TenantId tenant, String lines) {
    IngestReport report = convener.ingest().stream(admin(tenant),
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), InputFormat.JSON_LINES);
    assertThat(report.rejected()).isEmpty();
  }

  /** Every non-null value of every row of every table of the SQLite database, as text. */
  static List<String> everyValue(Path file) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (t.next()) {
          tables.add(t.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).as("tables of " + file).contains("members", "events", "tenants", "tenant_regions")
          .hasSizeGreaterThan(15);
      for (String table : tables) {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              byte[] raw = rows.getBytes(i);
              if (raw != null) {
                values.add(table + ": " + new String(raw, StandardCharsets.ISO_8859_1));
              }
            }
          }
        }
      }
    }
    return values;
  }

  /** The values that contain any of {@code needles}. */
  static List<String> containing(List<String> values, List<String> needles) {
    return values.stream().filter(v -> needles.stream().anyMatch(v::contains)).toList();
  }
}
