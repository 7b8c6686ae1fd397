package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.sentiment.LexiconSentimentAnalyzer;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.EventStore;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only the score of an event's {@code text} is stored, never the text: after ingesting lines with
 * text into an H2 and an SQLite file database, no value of any column of any table, and no byte of
 * any file the database wrote, holds the text or its rarest words (in UTF-8 or UTF-16), while a
 * marker written into an ordinary column is found both ways (so the search can fail). The stored
 * sentiment is the default analyzer's score of the text.
 */
class TextAtRestTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final String MARKER = "tagmarker-5d21e8";
  private static final String TEXT = "Zanzibar quokkas adore the marmalade release, absolutely wonderful! 🎉";
  private static final List<String> SECRETS = List.of(TEXT, "Zanzibar", "quokkas", "marmalade");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void theTextIsScoredAndFoundNowhereInTheDatabase(String database) throws Exception {
    Path dbDir = dir.resolve("db");
    JdbcSettings jdbc = database.equals("h2") ? JdbcSettings.h2File(dbDir.resolve("convener"))
        : JdbcSettings.sqlite(dbDir.resolve("convener.db"));
    Path input = dir.resolve("events.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"type\":\"member\",\"id\":\"m-1\",\"teams\":[\"t\"]}",
        "{\"id\":\"e-1\",\"at\":\"2026-03-01T10:00:00Z\",\"kind\":\"message\",\"actor\":\"m-1\",\"tags\":[\"" + MARKER
            + "\"],\"text\":\"" + TEXT + "\"}",
        "{\"id\":\"e-2\",\"at\":\"2026-03-01T11:00:00Z\",\"kind\":\"reply\",\"actor\":\"m-1\",\"refs\":[\"e-1\"],"
            + "\"sentiment\":-0.25,\"text\":\"" + TEXT + "\"}",
        ""), UTF_8);
    ConvenerSettings settings = ConvenerSettings.defaults().withKeyDirectory(dbDir.resolve("keys"));
    Injector injector = Guice.createInjector(new ConvenerModule(settings), new JdbcStorageModule(jdbc));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      IngestReport report = convener.ingest().file(Principal.of(ACME, "test", Role.ADMIN), input);
      assertThat(report.rejected()).isEmpty();
      EventStore events = injector.getInstance(EventStore.class);
      assertThat(events.find(ACME, EventId.of("e-1")).orElseThrow().sentiment())
          .isEqualTo(LexiconSentimentAnalyzer.english().score(TEXT));
      assertThat(events.find(ACME, EventId.of("e-2")).orElseThrow().sentiment()).as("stated, so kept").hasValue(-0.25);
    }

    List<String> values = allColumnValues(jdbc.url());
    assertThat(values).as("control: the tag is stored in a column").anyMatch(v -> v.contains(MARKER));
    for (String secret : SECRETS) {
      assertThat(values).as(secret + " in a column").noneMatch(v -> v.contains(secret));
    }
    List<byte[]> files = filesUnder(dbDir);
    assertThat(files.stream().anyMatch(f -> indexOf(f, MARKER.getBytes(UTF_8)) >= 0)).as("control: in a file").isTrue();
    for (String secret : SECRETS) {
      for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
        byte[] needle = secret.getBytes(charset);
        assertThat(files.stream().noneMatch(f -> indexOf(f, needle) >= 0)).as(secret + " in " + charset).isTrue();
      }
    }
  }

  /** Every non-null value of every column of every table, as text (bytes read as UTF-8). */
  private static List<String> allColumnValues(String url) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
            tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME") + "\"");
          }
        }
      }
      assertThat(tables).as("tables of " + url).hasSizeGreaterThan(5);
      for (String table : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              if (v instanceof byte[] bytes) {
                values.add(new String(bytes, UTF_8));
              } else if (v instanceof Blob blob) {
                values.add(new String(blob.getBytes(1, (int) blob.length()), UTF_8));
              } else if (v instanceof Clob clob) {
                values.add(clob.getSubString(1, (int) clob.length()));
              } else if (v != null) {
                values.add(v.toString());
              }
            }
          }
        }
      }
    }
    return values;
  }

  private static List<byte[]> filesUnder(Path root) throws IOException {
    List<byte[]> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.add(Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
