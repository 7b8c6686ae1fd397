package io.convener.jdbc.internal.db;

import io.convener.jdbc.Dialect;

/**
 * The libraries a database needs beside convener-jdbc. H2 comes with it; the SQLite driver, the
 * PostgreSQL driver and Flyway's PostgreSQL support are the host's choice, so a store on them
 * fails with a message that names the missing artifact rather than the driver's "no suitable
 * driver". Not API.
 */
final class Drivers {
  private Drivers() {}

  /**
   * Checks that the classes the dialect needs can be loaded.
   *
   * @throws IllegalStateException naming the Maven coordinates of the first missing library
   */
  static void require(Dialect dialect) {
    switch (dialect) {
      case SQLITE -> need("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", dialect);
      case POSTGRESQL -> {
        need("org.postgresql.Driver", "org.postgresql:postgresql", dialect);
        need("org.flywaydb.database.postgresql.PostgreSQLDatabaseType", "org.flywaydb:flyway-database-postgresql", dialect);
      }
      default -> { }
    }
  }

  static void need(String type, String artifact, Dialect dialect) {
    try {
      Class.forName(type, false, Drivers.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a " + dialect + " store needs " + artifact
          + " on the class path: convener-jdbc leaves it to the host (see docs/storage.md)", e);
    }
  }
}
