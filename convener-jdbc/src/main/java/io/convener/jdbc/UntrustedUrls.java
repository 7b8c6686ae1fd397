package io.convener.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * Checks a JDBC URL that does not come from the operator: every parameter it carries must be on a
 * short list of harmless ones, per database. An allow-list rather than a deny-list, because the
 * drivers keep adding parameters that act (H2's {@code INIT}, {@code DATABASE_EVENT_LISTENER},
 * {@code TRACE_LEVEL_FILE}, {@code AUTO_SERVER}; SQLite's {@code enable_load_extension};
 * PostgreSQL's {@code socketFactory}, {@code sslfactory}, {@code loggerFile}, {@code
 * authenticationPluginClassName}), and a parameter hidden behind an escaped separator then shows
 * up as an unknown name and is refused too.
 */
final class UntrustedUrls {
  /** H2 settings that only shape SQL parsing or the in-memory lifetime. */
  static final Set<String> H2_ALLOWED =
      Set.of("MODE", "DB_CLOSE_DELAY", "DATABASE_TO_UPPER", "DATABASE_TO_LOWER",
          "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS");

  /** PostgreSQL parameters that set timeouts, TLS mode, schema and names, and never load code. */
  static final Set<String> POSTGRESQL_ALLOWED =
      Set.of("ssl", "sslmode", "applicationname", "connecttimeout", "sockettimeout",
          "logintimeout", "currentschema", "targetservertype", "tcpkeepalive", "user", "password");

  private UntrustedUrls() {}

  /**
   * Refuses the URL unless each of its parameters is allowed for its database.
   *
   * @throws IllegalArgumentException naming the first refused parameter, or when the URL is not
   *     one of the supported databases
   */
  static void check(String url) {
    Dialect dialect = Dialect.fromUrl(url);
    switch (dialect) {
      case H2 -> checkH2(url);
      case SQLITE -> checkSqlite(url);
      case POSTGRESQL -> checkPostgresql(url);
    }
  }

  private static void checkH2(String url) {
    int semicolon = url.indexOf(';');
    if (semicolon < 0) {
      return;
    }
    for (String setting : url.substring(semicolon + 1).split(";", -1)) {
      String name = setting.split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
      if (!H2_ALLOWED.contains(name)) {
        throw refused(name, "H2", H2_ALLOWED);
      }
    }
  }

  private static void checkSqlite(String url) {
    if (url.indexOf('?') >= 0 || url.indexOf(';') >= 0) {
      throw new IllegalArgumentException(
          "SQLite URL parameters are refused in a JDBC URL from outside the operator's configuration"
              + " (they can load extensions); give the file only: jdbc:sqlite:FILE");
    }
  }

  private static void checkPostgresql(String url) {
    int question = url.indexOf('?');
    if (url.indexOf(';') >= 0) {
      throw refused(";", "PostgreSQL", POSTGRESQL_ALLOWED);
    }
    if (question < 0) {
      return;
    }
    for (String parameter : url.substring(question + 1).split("&", -1)) {
      String name = parameter.split("=", 2)[0].strip();
      if (!POSTGRESQL_ALLOWED.contains(name.toLowerCase(Locale.ROOT))) {
        throw refused(name, "PostgreSQL", POSTGRESQL_ALLOWED);
      }
    }
  }

  private static IllegalArgumentException refused(String name, String database, Set<String> allowed) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return new IllegalArgumentException(
        "the " + database + " URL parameter '" + shown + "' is refused in a JDBC URL from outside"
            + " the operator's configuration (allowed: " + String.join(", ", allowed.stream().sorted().toList())
            + ")");
  }
}
