package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.io.TempDir;

import io.convener.api.StorageException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcSettingsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:mysql://localhost/convener",
      "jdbc:oracle:thin:@db:1521:convener",
      "postgres://admin:hunter2@db/convener",
      "h2:mem:convener",
      ""})
  void unsupportedUrlsAreRejectedNamingTheSupportedOnes(String url) {
    assertThatThrownBy(() -> JdbcSettings.of(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported JDBC URL")
        .hasMessageContaining("jdbc:h2:file:PATH")
        .hasMessageContaining("jdbc:h2:mem:NAME")
        .hasMessageContaining("jdbc:sqlite:FILE")
        .hasMessageContaining("jdbc:postgresql://HOST[:PORT]/DATABASE")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file::memory:?cache=shared",
      "jdbc:sqlite:file:data?mode=memory&cache=shared"})
  void inMemorySqliteIsRejectedBecauseEachConnectionWouldSeeItsOwnDatabase(String url) {
    assertThatThrownBy(() -> JdbcSettings.of(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in-memory SQLite")
        .hasMessageContaining("jdbc:h2:mem:NAME");
  }

  @Test
  void anAnonymousInMemoryH2DatabaseIsRejected() {
    assertThatThrownBy(() -> JdbcSettings.of("jdbc:h2:mem:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:h2:mem:NAME");
  }

  @ParameterizedTest
  @CsvSource({
      "jdbc:h2:file:./convener-data/convener, H2",
      "jdbc:h2:mem:tests;MODE=Regular, H2",
      "jdbc:h2:~/convener, H2",
      "jdbc:h2:tcp://localhost/~/convener, H2",
      "jdbc:sqlite:/var/lib/convener/convener.db, SQLITE",
      "jdbc:sqlite:convener.db?busy_timeout=1000, SQLITE",
      "jdbc:postgresql://db.internal:5432/convener?sslmode=require, POSTGRESQL",
      "jdbc:postgresql:convener, POSTGRESQL"})
  void supportedUrlsNameTheirDialect(String url, Dialect dialect) {
    assertThat(JdbcSettings.of(url).dialect()).isEqualTo(dialect);
  }

  @Test
  void toStringShowsNeitherThePasswordNorUrlParameters() {
    JdbcSettings settings = new JdbcSettings(
        "jdbc:postgresql://db/convener?password=hunter2", "convener", Optional.of("hunter2"));

    assertThat(settings.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://db/convener", "convener");
    assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db/convener");
  }

  @Test
  void theDefaultIsAnEmbeddedSqliteFileUnderConvenerData() throws Exception {
    Path dir = Path.of("convener-data");
    boolean existed = Files.exists(dir);
    try {
      JdbcSettings settings = JdbcSettings.defaults();

      assertThat(settings.url()).isEqualTo("jdbc:sqlite:./convener-data/convener.db");
      assertThat(settings.dialect()).isEqualTo(Dialect.SQLITE);
      assertThat(dir).isDirectory();
    } finally {
      if (!existed) {
        Files.deleteIfExists(dir);
      }
    }
  }

  @Test
  void anOldDefaultH2StoreIsNotHiddenBehindANewEmptySqliteStore(@TempDir Path data) throws Exception {
    JdbcSettings.refuseLegacyStore(data); // nothing there: fine
    Files.writeString(data.resolve("convener.mv.db"), "");

    assertThatThrownBy(() -> JdbcSettings.refuseLegacyStore(data))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("--db jdbc:h2:file:./convener-data/convener");
    Files.writeString(data.resolve("convener.db"), "");
    JdbcSettings.refuseLegacyStore(data); // the SQLite store exists: the operator moved on
  }

  @Test
  void inMemoryH2NamesAreChecked() {
    assertThat(JdbcSettings.inMemoryH2("unit-test_1").url()).isEqualTo("jdbc:h2:mem:unit-test_1");
    assertThatThrownBy(() -> JdbcSettings.inMemoryH2("a;INIT=RUNSCRIPT FROM 'x'"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
