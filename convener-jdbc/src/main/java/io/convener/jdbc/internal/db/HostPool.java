package io.convener.jdbc.internal.db;

import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The host's connection pool, when the host passed one: the store then takes every connection
 * from it and never closes it. Bound by {@code JdbcStorageModule}. Not API.
 */
public final class HostPool {
  private final @Nullable DataSource dataSource;

  /** No host pool: the store opens its own. Guice's choice where no module binds one. */
  @Inject
  public HostPool() {
    this(null);
  }

  /** The host's pool, or null when the store opens its own. */
  public HostPool(@Nullable DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The host's pool, if any. */
  public Optional<DataSource> dataSource() {
    return Optional.ofNullable(dataSource);
  }
}
