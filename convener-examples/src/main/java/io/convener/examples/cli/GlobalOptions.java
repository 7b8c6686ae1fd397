package io.convener.examples.cli;

import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command takes, as docs/cli.md lists them. */
final class GlobalOptions {
  /** The output formats of {@code --format}. */
  enum Format { table, json, csv }

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      scope = ScopeType.INHERIT,
      description = "Store: jdbc:sqlite:FILE, jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB, user and password from"
          + " CONVENER_DB_USER and CONVENER_DB_PASSWORD (default: embedded SQLite under ./convener-data/)")
  @Nullable String db;

  @Option(
      names = "--region-db",
      paramLabel = "REGION=JDBC_URL",
      scope = ScopeType.INHERIT,
      description = "Data residency: the database of a region (repeatable, instead of --db); each tenant's data"
          + " lives only in its region's database")
  List<String> regionDbs = new ArrayList<>();

  @Option(
      names = "--tenant-region",
      paramLabel = "TENANT=REGION",
      scope = ScopeType.INHERIT,
      description = "Assigns a tenant to a region (repeatable); needed on a tenant's first use, after that its"
          + " region's database remembers it")
  List<String> tenantRegions = new ArrayList<>();

  @Option(names = "--tenant", paramLabel = "ID", scope = ScopeType.INHERIT, description = "Tenant to act on (required except for demo)")
  @Nullable String tenant;

  @Option(
      names = "--format",
      paramLabel = "table|json|csv",
      scope = ScopeType.INHERIT,
      description = "Output: table (default), json (one JSON document on stdout) or csv (a header row and one row"
          + " per item, for commands that print a table)")
  Format format = Format.table;

  @Option(names = "--as-of", paramLabel = "INSTANT", scope = ScopeType.INHERIT, description = "RFC 3339 instant where windows end (default: now)")
  @Nullable String asOf;

  /**
   * The process environment, where the database user and password are read from ({@link
   * Stores#DB_USER}, {@link Stores#DB_PASSWORD}); tests hand in their own.
   */
  Function<String, @Nullable String> env = System::getenv;

  /** The tenant, or a usage error naming the option. */
  TenantId requireTenant(CommandSpec command) {
    if (tenant == null) {
      throw new ParameterException(command.commandLine(), "Missing required option: '--tenant=ID'");
    }
    return tenant(command);
  }

  /** The tenant given, parsed; a usage error when it is not a valid tenant id. */
  TenantId tenant(CommandSpec command) {
    try {
      return TenantId.of(tenant);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "Invalid value for option '--tenant': " + e.getMessage());
    }
  }

  /** The subject the command line acts as: the operator at the console. */
  static final String OPERATOR = "cli";

  /**
   * The principal the command line acts as on a tenant: the operator, subject {@value #OPERATOR},
   * with the role {@code ADMIN} (an operator with shell access to the store is its administrator).
   */
  static Principal operator(TenantId tenant) {
    return Principal.of(tenant, OPERATOR, Role.ADMIN);
  }

  /** {@code --as-of}, or now. */
  Instant asOf(CommandSpec command) {
    if (asOf == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(asOf).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          command.commandLine(), "Invalid value for option '--as-of': not an RFC 3339 instant: '" + asOf + "'");
    }
  }

  boolean json() {
    return format == Format.json;
  }

  /** Whether {@code --format csv} asks for a header row and one row per item, with nothing else. */
  boolean csv() {
    return format == Format.csv;
  }
}
