package io.convener.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.StoragePlace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How a host hands Convener its storage: a pool of its own ({@code Conveners.builder().dataSource}),
 * the Guice path on an in-memory database (which must write no keys into the working directory),
 * and the message when no storage back end opens the URL.
 */
class HostStorageTest {
  private static final String EMAIL = "zoe@example.org";

  @Test
  void aHostsPoolIsMigratedUsedAndLeftOpen() throws Exception {
    TenantId tenant = TenantId.of("pool-" + UUID.randomUUID().toString().substring(0, 8));
    try (HikariDataSource pool = h2Pool()) {
      try (Convener convener = Conveners.builder().dataSource(pool).build()) {
        convener.ingest().submit(Principal.of(tenant, "host", Role.ADMIN),
            List.of(Member.builder(MemberId.of("m")).email(EMAIL).build()), List.of());
      }
      assertThat(pool.isClosed()).as("the host's pool after the Convener closed").isFalse();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM members")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("members written through the host's pool").isEqualTo(1);
      }
    }
    assertThat(keysetsInTheWorkingDirectory(tenant)).as("keys of an in-memory database stay in memory").isEmpty();
  }

  @Test
  void theGuicePathOnAnInMemoryDatabaseWritesNoKeysIntoTheWorkingDirectory() throws Exception {
    TenantId tenant = TenantId.of("guice-" + UUID.randomUUID().toString().substring(0, 8));
    Injector injector = Guice.createInjector(new ConvenerModule(),
        new JdbcStorageModule(JdbcSettings.inMemoryH2("guice-" + tenant.value())));
    try (Convener convener = injector.getInstance(Convener.class)) {
      convener.start();
      convener.ingest().submit(Principal.of(tenant, "host", Role.ADMIN),
          List.of(Member.builder(MemberId.of("m")).email(EMAIL).build()), List.of());
    }
    assertThat(keysetsInTheWorkingDirectory(tenant)).as("keyset files of " + tenant + " under "
        + ConvenerSettings.DEFAULT_KEY_DIRECTORY.toAbsolutePath()).isEmpty();
  }

  @Test
  void keysFollowTheStoreOnlyWhileTheKeyDirectoryIsTheDefault() {
    ConvenerSettings defaults = ConvenerSettings.defaults();
    Path file = Path.of("data", "convener.db").toAbsolutePath();
    assertThat(defaults.forStore(Optional.of(StoragePlace.memory())).keyDirectory()).isEmpty();
    assertThat(defaults.forStore(Optional.of(StoragePlace.file(file))).keyDirectory())
        .contains(file.resolveSibling("keys"));
    assertThat(defaults.forStore(Optional.of(StoragePlace.server()))).isEqualTo(defaults);
    assertThat(defaults.forStore(Optional.empty())).isEqualTo(defaults);
    ConvenerSettings chosen = defaults.withKeyDirectory(Path.of("elsewhere"));
    assertThat(chosen.forStore(Optional.of(StoragePlace.memory()))).as("a directory the host chose").isEqualTo(chosen);
  }

  @Test
  void aUrlNoStorageOnTheClassPathOpensNamesTheModuleToAdd() {
    assertThatThrownBy(() -> Conveners.builder().database("mongodb://user:secret@db.example.org/convener"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no Convener storage on the class path opens 'mongodb' URLs: add io.convener:convener-jdbc"
            + " (and the database's driver, see docs/storage.md)")
        .hasMessageNotContaining("secret");
  }

  /** Keyset files of the tenant in the default key directory, relative to the working directory. */
  private static List<Path> keysetsInTheWorkingDirectory(TenantId tenant) throws IOException {
    Path dir = ConvenerSettings.DEFAULT_KEY_DIRECTORY;
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String prefix = tenant.value().toLowerCase(Locale.ROOT) + "-";
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  private static HikariDataSource h2Pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }
}
