package io.convener.jdbc.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import io.convener.spi.storage.TenantSnapshots;
import io.convener.jdbc.TestDatabase;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.storage.StorageLifecycle;
import io.convener.testing.keys.FakePersonalDataCipher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every table of the migrated schema that holds tenant rows (has a tenant_id column) is either
 * backed up or left out with a reason: a table added by a later migration fails this test until it
 * is placed in {@link BackupTables}. Run on every database, since PostgreSQL has migrations of its
 * own.
 */
class BackupTablesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2_MEMORY", "SQLITE_FILE", "POSTGRESQL"})
  void everyTenantTableIsBackedUpOrExcludedWithAReason(TestDatabase database) throws SQLException {
    JdbcSettings settings = database.settings(dir);
    Injector injector = Guice.createInjector(new JdbcStorageModule(settings),
        binder -> binder.bind(PersonalDataCipher.class).toInstance(new FakePersonalDataCipher()));
    StorageLifecycle lifecycle = injector.getInstance(StorageLifecycle.class);
    lifecycle.start();
    try {
      Set<String> tenantTables = tenantTables(settings);
      TenantSnapshots snapshots = injector.getInstance(TenantSnapshots.class);
      Set<String> placed = new HashSet<>(snapshots.tables());
      placed.addAll(snapshots.excludedTables().keySet());

      assertThat(tenantTables).as("tables with a tenant_id column").contains("events", "tenants", "provenance_entries");
      assertThat(new TreeSet<>(tenantTables)).as("tenant tables neither backed up nor excluded with a reason")
          .isSubsetOf(placed);
      assertThat(placed).as("tables the backup names that the schema lacks").isSubsetOf(tenantTables);
      assertThat(snapshots.tables()).as("backed up and excluded at once")
          .doesNotContainAnyElementsOf(snapshots.excludedTables().keySet());
      assertThat(snapshots.excludedTables().values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
      assertThat(snapshots.tables()).first().isEqualTo("tenants");
    } finally {
      lifecycle.close();
      database.dispose(settings);
    }
  }

  /** Tables (not partitions) of the store's schema with a tenant_id column, lower case. */
  private static Set<String> tenantTables(JdbcSettings settings) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password().orElse(null))) {
      if (settings.dialect() == Dialect.POSTGRESQL) {
        try (PreparedStatement s = c.prepareStatement("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE n.nspname = current_schema() AND a.attname = 'tenant_id' AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition""");
            ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        return tables;
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (rs.getString("COLUMN_NAME").equalsIgnoreCase("tenant_id")
              && (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA"))) {
            tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return tables;
  }
}
