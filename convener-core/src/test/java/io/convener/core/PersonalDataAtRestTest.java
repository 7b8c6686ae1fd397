package io.convener.core;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.model.Member;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.spi.storage.SubjectKeyStore;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance test of encryption at rest: members with a known display name and email are
 * ingested into an H2 file database and an SQLite file database; with the database closed, the raw
 * bytes of every file it wrote (database, journal, WAL, trace, and the key directory too) contain
 * neither string in UTF-8 or UTF-16, while a marker written into an ordinary column is found (so
 * the search can fail). The values still read back through the store, and after crypto-shredding a
 * member their email is unreadable, also from a ciphertext copied out of the database before.
 */
class PersonalDataAtRestTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final String NAME = "Zoë Quartermain-Ålund";
  private static final String EMAIL = "zoe.quartermain@example.org";
  private static final String OTHER_NAME = "Bartholomew Okonkwo-Lindqvist";
  private static final String OTHER_EMAIL = "b.okonkwo.lindqvist@example.net";
  private static final String MARKER = "plainmarker-7f3a9c";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void noPersonalValueIsFoundInTheDatabaseFilesAndAShreddedEmailIsUnreadable(String database) throws Exception {
    Path dbDir = dir.resolve("db");
    JdbcSettings jdbc = database.equals("h2") ? JdbcSettings.h2File(dbDir.resolve("convener"))
        : JdbcSettings.sqlite(dbDir.resolve("convener.db"));
    ConvenerSettings settings = ConvenerSettings.defaults().withKeyDirectory(dbDir.resolve("keys"));
    Path input = dir.resolve("members.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"type\":\"member\",\"id\":\"m-1\",\"teams\":[\"" + MARKER + "\"],\"displayName\":\"" + NAME
            + "\",\"email\":\"" + EMAIL + "\",\"skills\":[\"java\"]}",
        "{\"type\":\"member\",\"id\":\"m-2\",\"displayName\":\"" + OTHER_NAME + "\",\"email\":\"" + OTHER_EMAIL + "\"}",
        "{\"id\":\"e-1\",\"at\":\"2024-03-01T10:00:00Z\",\"kind\":\"message\",\"actor\":\"m-1\",\"targets\":[\"m-2\"]}",
        ""), UTF_8);

    Injector injector = Guice.createInjector(new ConvenerModule(settings), new JdbcStorageModule(jdbc));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      IngestReport report = convener.ingest().file(Principal.of(ACME, "test", Role.ADMIN), input);
      assertThat(report.rejected()).isEmpty();
      assertThat(report.accepted()).isEqualTo(3);
    }

    Map<String, byte[]> files = filesUnder(dir.resolve("db"));
    assertThat(files).as("files the database wrote").isNotEmpty();
    assertThat(found(files, MARKER, UTF_8)).as("control: a plain column value is found").isNotEmpty();
    for (String secret : List.of(NAME, EMAIL, OTHER_NAME, OTHER_EMAIL, "Quartermain", "zoe.quartermain")) {
      for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
        assertThat(found(files, secret, charset)).as(secret + " in " + charset).isEmpty();
      }
    }
    String copiedCiphertext = emailCiphertext(jdbc, "m-1");
    assertThat(copiedCiphertext).startsWith("ev2:");

    injector = Guice.createInjector(new ConvenerModule(settings), new JdbcStorageModule(jdbc));
    MemberStore members = injector.getInstance(MemberStore.class);
    PersonalDataCipher cipher = injector.getInstance(PersonalDataCipher.class);
    StorageLifecycle storage = injector.getInstance(StorageLifecycle.class);
    storage.start();
    try {
      Member zoe = members.find(ACME, MemberId.of("m-1")).orElseThrow();
      assertThat(zoe.displayName()).contains(NAME);
      assertThat(zoe.email()).contains(EMAIL);

      assertThat(members.erasePersonalData(ACME, MemberId.of("m-1"))).isTrue();

      Member erased = members.find(ACME, MemberId.of("m-1")).orElseThrow();
      assertThat(erased.email()).isEmpty();
      assertThat(erased.displayName()).isEmpty();
      assertThat(erased.skills()).containsExactly("java");
      assertThat(cipher.decrypt(ACME, MemberId.of("m-1"), PersonalDataCipher.EMAIL, copiedCiphertext))
          .as("a copy of the ciphertext made before the shred").isEmpty();
      assertThat(members.find(ACME, MemberId.of("m-2")).orElseThrow().email()).contains(OTHER_EMAIL);
      assertThat(injector.getInstance(SubjectKeyStore.class).find(ACME, MemberId.of("m-1"))).isEmpty();

      cipher.shredTenant(ACME);
      assertThat(members.find(ACME, MemberId.of("m-2")).orElseThrow().email()).as("after the tenant's keys went")
          .isEmpty();
    } finally {
      storage.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "sqlite"})
  void theBuilderKeepsKeysBesideAnEmbeddedDatabase(String database) throws Exception {
    String url = database.equals("h2") ? "jdbc:h2:file:" + dir.resolve("data/convener")
        : "jdbc:sqlite:" + dir.resolve("data/convener.db");
    try (Convener convener = Conveners.builder().database(url).build()) {
      convener.ingest().submit(Principal.of(ACME, "test", Role.ADMIN), List.of(Member.builder(MemberId.of("m")).email(EMAIL).build()), List.of());
    }
    try (Stream<Path> keys = Files.list(dir.resolve("data/keys"))) {
      assertThat(keys.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("acme-[0-9a-f]{8}\\.json"));
    }
    assertThat(found(filesUnder(dir.resolve("data")), EMAIL, UTF_8)).isEmpty();
  }

  /** Every regular file under {@code root}, by path. */
  private static Map<String, byte[]> filesUnder(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** The files whose bytes contain {@code text} in this encoding. */
  private static List<String> found(Map<String, byte[]> files, String text, Charset charset) {
    byte[] needle = text.getBytes(charset);
    List<String> hits = new ArrayList<>();
    files.forEach((name, bytes) -> {
      if (indexOf(bytes, needle) >= 0) {
        hits.add(name);
      }
    });
    return hits;
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

  /** The stored email column of a member, read with plain JDBC while the store is closed. */
  private static String emailCiphertext(JdbcSettings jdbc, String member) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc.url());
        PreparedStatement s = c.prepareStatement(
            "SELECT email FROM member_personal WHERE tenant_id = ? AND member_id = ?")) {
      s.setString(1, ACME.value());
      s.setString(2, member);
      try (ResultSet rs = s.executeQuery()) {
        return Optional.ofNullable(rs.next() ? rs.getString(1) : null).orElseThrow();
      }
    }
  }
}
