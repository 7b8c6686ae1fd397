package io.convener.jdbc.internal.tenant;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.TenantStore;
import jakarta.inject.Inject;

/**
 * Tenants in the {@code tenants} table. Registration is idempotent and cached: once this process
 * has seen a tenant registered, neither {@link #register} nor {@link #exists} asks the database
 * again. The member and event stores register a tenant themselves, in the transaction of its first
 * write, so hosts need not call {@link #register} first. Thread-safe.
 */
final class JdbiTenantStore implements TenantStore {
  static final String EXISTS = "SELECT COUNT(*) FROM tenants WHERE tenant_id = :tenant";

  private final Database database;

  @Inject
  JdbiTenantStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public void register(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    database.register(tenant);
  }

  @Override
  public boolean exists(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    if (database.isKnown(tenant)) {
      return true;
    }
    boolean exists =
        database.read(
            "look up tenant",
            tenant,
            handle -> handle.createQuery(EXISTS).bind("tenant", tenant.value()).mapTo(Long.class).one() > 0);
    if (exists) {
      database.remember(tenant);
    }
    return exists;
  }
}
