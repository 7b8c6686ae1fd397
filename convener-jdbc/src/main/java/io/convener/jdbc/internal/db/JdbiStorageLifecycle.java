package io.convener.jdbc.internal.db;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.convener.api.StorageException;
import io.convener.jdbc.Dialect;
import io.convener.jdbc.JdbcSettings;
import io.convener.spi.storage.StorageLifecycle;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store: creates the directory of an embedded database file, opens a connection pool
 * that stays open until {@link #close()} (so an embedded database is opened once, not per call),
 * migrates the schema with Flyway (which logs through SLF4J) and hands the pool to the {@link
 * Database}. With the host's pool ({@link HostPool}), uses it instead and never closes it.
 *
 * <p>Migrations live in {@value #MIGRATIONS} and record themselves in the table {@value
 * #HISTORY_TABLE}, names that cannot collide with a host application that runs Flyway on the same
 * database. On PostgreSQL, the migrations of {@value #POSTGRESQL_MIGRATIONS} run too, in version
 * order with the others: DDL only PostgreSQL has, such as the events table's partitions. Their
 * versions are never used in {@value #MIGRATIONS}, so an H2 or SQLite store simply has no row for
 * them (Flyway needs no contiguous versions). A database that already holds the host's tables is baselined at version 0, so the
 * Convener schema is still created in it.
 */
final class JdbiStorageLifecycle implements StorageLifecycle {
  static final String MIGRATIONS = "classpath:io/convener/jdbc/migration";
  static final String POSTGRESQL_MIGRATIONS = "classpath:io/convener/jdbc/migration-postgresql";
  static final String HISTORY_TABLE = "convener_schema_history";

  /** How long a call waits for a pooled connection of a database on the network. */
  static final Duration REMOTE_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  /** How long a pooled connection of a database on the network may take to prove it is alive. */
  static final Duration REMOTE_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(JdbiStorageLifecycle.class);

  private final Database database;
  private final HostPool hostPool;
  /** The pool in use while open: the host's, or one of the store's own. */
  private @Nullable DataSource pool;
  private @Nullable Probe probe;

  /** A lifecycle that opens a pool of its own. */
  JdbiStorageLifecycle(Database database) {
    this(database, new HostPool(null));
  }

  @Inject
  JdbiStorageLifecycle(Database database, HostPool hostPool) {
    this.database = requireNonNull(database, "database");
    this.hostPool = requireNonNull(hostPool, "hostPool");
  }

  @Override
  public synchronized void start() {
    if (pool != null) {
      return;
    }
    JdbcSettings settings = database.settings();
    Dialect dialect = database.dialect();
    String where = "the " + settings.describe();
    Drivers.require(dialect);
    DataSource opened = hostPool.dataSource().orElse(null);
    if (opened == null) {
      dialect.localFile(settings.url()).ifPresent(file -> createParent(file, where));
      try {
        opened = new HikariDataSource(poolConfig(settings, dialect));
      } catch (RuntimeException e) {
        throw new StorageException("could not open " + where + ": " + rootMessage(e), e);
      }
    }
    try {
      MigrateResult result = flyway(opened, dialect).load().migrate();
      LOG.info(
          "Convener storage open on {}: schema version {}, {} migration(s) applied",
          dialect, result.targetSchemaVersion, result.migrationsExecuted);
    } catch (RuntimeException e) {
      closeOwn(opened);
      throw new StorageException("could not migrate the schema of " + where + ": " + rootMessage(e), e);
    }
    // Plain SQL: no template engine, so that a comparison such as "at < :until" is never read as a template.
    database.attach(Jdbi.create(opened).setTemplateEngine(new NoTemplateEngine()));
    pool = opened;
    probe = new Probe(database);
  }

  @Override
  public boolean isReady(Duration timeout) {
    Probe open;
    synchronized (this) {
      open = probe;
    }
    return open != null && open.answers(timeout);
  }

  @Override
  public synchronized void close() {
    DataSource open = pool;
    if (open == null) {
      return;
    }
    pool = null;
    Probe running = probe;
    probe = null;
    if (running != null) {
      running.close();
    }
    database.detach();
    closeOwn(open);
  }

  /** Closes the pool unless it is the host's. */
  private void closeOwn(DataSource open) {
    if (open instanceof HikariDataSource own && hostPool.dataSource().map(host -> host != own).orElse(true)) {
      own.close();
    }
  }

  /**
   * Flyway's configuration: Convener's migrations and history table, and logging through SLF4J
   * always. Flyway's own detection picks SLF4J only when it finds a binding, and otherwise writes
   * to java.util.logging, past the host's SLF4J setup.
   */
  static FluentConfiguration flyway(DataSource dataSource, Dialect dialect) {
    return Flyway.configure(JdbiStorageLifecycle.class.getClassLoader())
        .loggers("slf4j")
        .dataSource(dataSource)
        .locations(locations(dialect))
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }

  /** Where the migrations of a dialect are: the common ones, and PostgreSQL's own on PostgreSQL. */
  static String[] locations(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL
        ? new String[] {MIGRATIONS, POSTGRESQL_MIGRATIONS}
        : new String[] {MIGRATIONS};
  }

  private static HikariConfig poolConfig(JdbcSettings settings, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("convener-" + dialect.name().toLowerCase(Locale.ROOT));
    config.setJdbcUrl(settings.url());
    if (!settings.user().isEmpty()) {
      config.setUsername(settings.user());
    }
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(dialect.poolSize());
    config.setMinimumIdle(dialect.poolSize());
    if (remote(settings.url(), dialect)) {
      // A server that refuses connections is found out in seconds, not Hikari's default 30 s; the
      // store's circuit breaker then fails later calls at once (degraded mode, docs/deployment.md).
      config.setConnectionTimeout(REMOTE_CONNECTION_TIMEOUT.toMillis());
      config.setValidationTimeout(REMOTE_VALIDATION_TIMEOUT.toMillis());
    }
    if (dialect.embedded()) {
      // Embedded connections never go stale; retiring the last one would close an in-memory database.
      config.setMaxLifetime(0);
    }
    dialect.connectionProperties(settings.url()).forEach(config::addDataSourceProperty);
    return config;
  }

  /** Whether the database is reached over the network: PostgreSQL, or an H2 server. */
  static boolean remote(String url, Dialect dialect) {
    return dialect == Dialect.POSTGRESQL || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
  }

  private static void createParent(Path file, String where) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StorageException("could not create the directory of " + where, e);
    }
  }

  /** The innermost cause's message: drivers and Flyway put the useful reason there. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message.strip();
  }
}
