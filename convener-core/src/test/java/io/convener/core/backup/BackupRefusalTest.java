package io.convener.core.backup;

import static io.convener.core.backup.BackupFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.Convener;
import io.convener.api.IntegrityException;
import io.convener.api.backup.BackupRequest;
import io.convener.jdbc.JdbcSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore refuses a damaged, truncated, foreign or newer file, a file whose log was tampered
 * with, a tenant the store already holds and a key provider without the tenant's keys, each with
 * one clear message, and then the store holds nothing of the tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRefusalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLES = List.of("tenants", "members", "member_personal", "events", "subject_keys",
      "consent_records", "provenance_entries", "provenance_heads");

  private Path dir;
  private Path good;
  private Path keys;
  private JdbcSettings target;
  private Convener restorer;

  @BeforeAll
  void backUpOnce(@TempDir Path tmp) throws IOException {
    dir = tmp;
    keys = dir.resolve("keys");
    good = dir.resolve("good.zip");
    try (Convener source = BackupFixture.open(JdbcSettings.sqlite(dir.resolve("source.db")), keys)) {
      BackupFixture.populate(source, BackupFixture.write(dir.resolve("org.jsonl"), 7, 200));
      source.backups().write(BackupRequest.of(ACME), good);
    }
    target = JdbcSettings.sqlite(dir.resolve("target.db"));
    restorer = BackupFixture.open(target, keys);
  }

  @AfterAll
  void close() {
    restorer.close();
  }

  @Test
  void aTruncatedFileIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
    refused(cut, IntegrityException.class, "cut short");
  }

  @Test
  void aFlippedByteInAPartIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(good);
    int events;
    try (ZipFile zip = new ZipFile(good.toFile())) {
      events = offsetOfData(bytes, zip.getEntry("parts/acme/events.jsonl"));
    }
    bytes[events + 40] ^= 0x10;
    refused(Files.write(dir.resolve("flipped.zip"), bytes), IntegrityException.class, "damaged");
  }

  @Test
  void aForeignFileIsRefused() throws Exception {
    refused(Files.writeString(dir.resolve("notes.txt"), "not a backup\n"), IntegrityException.class, "not a Convener backup");
    Path zip = rewrite("other.zip", parts -> Map.of("hello.txt", "hi".getBytes(StandardCharsets.UTF_8)));
    refused(zip, IntegrityException.class, "has no manifest.json");
    refused(rewrite("format.zip", manifest(m -> m.put("format", "something-else"))), IntegrityException.class,
        "not a Convener backup");
  }

  @Test
  void aNewerFormatOrSchemaIsRefused() throws Exception {
    refused(rewrite("v2.zip", manifest(m -> m.put("formatVersion", 2))), IntegrityException.class, "format version 2");
    refused(rewrite("schema.zip", manifest(m -> m.put("schemaVersion", 999))), IntegrityException.class,
        "schema version 999");
  }

  @Test
  void aPartThatDoesNotMatchItsDigestIsRefused() throws Exception {
    Path edited = rewrite("edited.zip", parts -> {
      parts.put("parts/acme/events.jsonl", replace(parts.get("parts/acme/events.jsonl"), "\"m1\"", "\"m9\""));
      return parts;
    });
    refused(edited, IntegrityException.class, "does not match its SHA-256");
  }

  @Test
  void aLogEntryRewrittenWithAConsistentDigestIsFoundAfterLoadingAndUndone() throws Exception {
    Path forged = rewrite("forged.zip", parts -> {
      parts.put("parts/acme/provenance_entries.jsonl",
          replace(parts.get("parts/acme/provenance_entries.jsonl"), "\"consent.grant\"", "\"consent.revoke\""));
      return redigest(parts, "parts/acme/provenance_entries.jsonl");
    });
    refused(forged, IntegrityException.class, "does not verify");
  }

  @Test
  void rowsOfAnotherTenantAreRefused() throws Exception {
    Path stray = rewrite("stray.zip", parts -> {
      parts.put("parts/acme/events.jsonl", replace(parts.get("parts/acme/events.jsonl"), "[\"acme\",\"e7-1\"", "[\"other\",\"e7-1\""));
      return redigest(parts, "parts/acme/events.jsonl");
    });
    refused(stray, IntegrityException.class, "belongs to another tenant");
  }

  @Test
  void aKeyProviderWithoutTheTenantsKeysIsRefusedNamingTheKeyset() throws Exception {
    try (Convener elsewhere = BackupFixture.open(JdbcSettings.sqlite(dir.resolve("elsewhere.db")), dir.resolve("other-keys"))) {
      assertThatThrownBy(() -> elsewhere.backups().restore(good)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("key-encryption keys").hasMessageContaining("acme-").hasMessageContaining(".json");
    }
    assertThat(rows(JdbcSettings.sqlite(dir.resolve("elsewhere.db")))).isZero();
  }

  @Test
  void aTenantTheStoreHoldsIsNotRestoredAgain() throws Exception {
    JdbcSettings twice = JdbcSettings.sqlite(dir.resolve("twice.db"));
    try (Convener store = BackupFixture.open(twice, keys)) {
      store.backups().restore(good);
      long before = rows(twice);
      assertThatThrownBy(() -> store.backups().restore(good)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already holds tenant 'acme'");
      assertThat(rows(twice)).isEqualTo(before);
    }
  }

  private void refused(Path file, Class<? extends Exception> type, String message) throws SQLException {
    assertThatThrownBy(() -> restorer.backups().restore(file)).isInstanceOf(type).hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(rows(target)).as("rows of acme left in the store").isZero();
  }

  private static long rows(JdbcSettings settings) throws SQLException {
    long rows = 0;
    try (Connection c = DriverManager.getConnection(settings.url())) {
      for (String table : TABLES) {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = 'acme'");
            ResultSet rs = s.executeQuery()) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  private Path rewrite(String name, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(good.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    Path out = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : edit.apply(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }

  private static UnaryOperator<Map<String, byte[]>> manifest(java.util.function.Consumer<ObjectNode> edit) {
    return parts -> {
      try {
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("manifest.json"));
        edit.accept(manifest);
        parts.put("manifest.json", JSON.writeValueAsBytes(manifest));
        return parts;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Puts the part's new SHA-256 into the manifest, as a forger would. */
  private static Map<String, byte[]> redigest(Map<String, byte[]> parts, String part) {
    try {
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(parts.get(part)));
      ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("manifest.json"));
      manifest.withArray("parts").forEach(p -> {
        if (p.path("name").asText().equals(part)) {
          ((ObjectNode) p).put("sha256", sha);
        }
      });
      parts.put("manifest.json", JSON.writeValueAsBytes(manifest));
      return parts;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] replace(byte[] text, String from, String to) {
    String s = new String(text, StandardCharsets.UTF_8);
    assertThat(s).contains(from);
    return s.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
  }

  /** Where an entry's compressed data starts: after its local header, found by its name. */
  private static int offsetOfData(byte[] zip, ZipEntry entry) {
    byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < zip.length - name.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
          && Arrays.equals(Arrays.copyOfRange(zip, i + 30, i + 30 + name.length), name)) {
        int extra = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
        return i + 30 + name.length + extra;
      }
    }
    throw new AssertionError("no local header for " + entry.getName());
  }
}
