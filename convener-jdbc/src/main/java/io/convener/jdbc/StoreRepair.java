package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import io.convener.api.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Recover;
import org.h2.tools.RunScript;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks, and where it can rebuilds, an embedded database file after a crash. Run it while no
 * process has the database open.
 *
 * <ul>
 *   <li><b>H2 file:</b> H2's own recovery. The damaged file is moved into a directory beside it,
 *       {@code NAME-damaged-TIMESTAMP}, where {@link Recover} writes everything it can read as an
 *       SQL script ({@code NAME.h2.sql}); {@link RunScript} replays that script into a fresh file
 *       at the original path, which rebuilds every index from the rows. Each tenant's event
 *       counter is then set from its rows. The damaged original and the script stay in that
 *       directory until the operator deletes them.
 *   <li><b>SQLite:</b> {@code PRAGMA integrity_check}; the answer is reported, nothing is changed
 *       (SQLite's WAL keeps the file consistent across a killed process).
 * </ul>
 *
 * <p>Other databases (in-memory H2, PostgreSQL) are refused: they have their own tools.
 */
public final class StoreRepair {
  /**
   * What a repair found and did.
   *
   * @param database which database, as {@link JdbcSettings#describe()} names it
   * @param ok whether the database is sound now
   * @param findings what the check found (SQLite's integrity check lines) or the rebuild did
   * @param keptAside the directory holding the damaged original and the recovery script (H2)
   */
  public record Report(String database, boolean ok, List<String> findings, Optional<Path> keptAside) {
    /** Copies the findings. */
    public Report {
      findings = List.copyOf(findings);
    }
  }

  static final String TENANT_CURSOR =
      "SELECT DISTINCT tenant_id FROM tenants WHERE tenant_id >= :tenant ORDER BY tenant_id LIMIT :limit";

  static final String COUNT_EVENTS =
      """
      UPDATE tenants SET event_count = (SELECT COUNT(*) FROM events WHERE tenant_id = :tenant)
      WHERE tenant_id = :tenant""";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private final JdbcSettings settings;
  private final Clock clock;

  /**
   * A repair of this database; does nothing until {@link #run()}.
   *
   * @throws IllegalArgumentException when the database is not an embedded file (SQLite, H2 file)
   */
  public StoreRepair(JdbcSettings settings, Clock clock) {
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    if (settings.dialect() == Dialect.POSTGRESQL || settings.dialect().localFile(settings.url()).isEmpty()) {
      throw new IllegalArgumentException("repair works on embedded database files (jdbc:sqlite:FILE,"
          + " jdbc:h2:file:PATH), not on " + settings.describe());
    }
  }

  /**
   * Checks the database and, for H2, rebuilds it.
   *
   * @return {@code ok} false when SQLite's integrity check found problems (listed in findings)
   * @throws StorageException when the file is missing, in use, or cannot be read or rebuilt; the
   *     original is then left where it was, or in the directory the message names
   */
  public Report run() {
    Path file = settings.dialect().localFile(settings.url()).orElseThrow().toAbsolutePath();
    try {
      return settings.dialect() == Dialect.SQLITE ? checkSqlite(file) : rebuildH2(file);
    } catch (SQLException | IOException e) {
      throw new StorageException("could not repair the " + settings.describe() + ": " + e.getMessage(), e);
    }
  }

  private Report checkSqlite(Path file) throws SQLException {
    if (!Files.isRegularFile(file)) {
      throw new SQLException("no such file: " + file);
    }
    List<String> findings = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(settings.url(), properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        findings.add(rs.getString(1));
      }
    }
    boolean ok = findings.equals(List.of("ok"));
    return new Report(settings.describe(), ok, findings, Optional.empty());
  }

  private Report rebuildH2(Path base) throws SQLException, IOException {
    String name = base.getFileName().toString();
    Path dir = base.getParent();
    Path data = dir.resolve(name + ".mv.db");
    if (!Files.isRegularFile(data)) {
      throw new IOException("no such file: " + data);
    }
    ensureNotInUse(data);
    Path aside = Files.createDirectory(dir.resolve(name + "-damaged-" + STAMP.format(clock.instant().atZone(clock.getZone()))));
    Files.move(data, aside.resolve(name + ".mv.db"));
    Path trace = dir.resolve(name + ".trace.db");
    if (Files.exists(trace)) {
      Files.move(trace, aside.resolve(name + ".trace.db"));
    }
    try {
      return rebuildFrom(aside, name, base);
    } catch (SQLException | IOException | RuntimeException e) {
      throw new StorageException("could not rebuild the " + settings.describe() + " (the damaged file is"
          + " kept in " + aside + "): " + e.getMessage(), e);
    }
  }

  private Report rebuildFrom(Path aside, String name, Path base) throws SQLException, IOException {
    Recover.execute(aside.toString(), name);
    Files.deleteIfExists(aside.resolve(name + ".mv.txt"));
    Path script = aside.resolve(name + ".h2.sql");
    String url = "jdbc:h2:file:" + base;
    RunScript.execute(url, settings.user(), settings.password().orElse(""), script.toString(), StandardCharsets.UTF_8, false);
    int tenants = Jdbi.create(url, properties()).withHandle(StoreRepair::countEvents);
    List<String> findings = List.of(
        "rebuilt from H2's recovery script; event counters of " + tenants + " tenant(s) set from the rows");
    return new Report(settings.describe(), true, findings, Optional.of(aside));
  }

  /** Sets each tenant's event counter from its rows, one tenant at a time; returns the tenants. */
  private static int countEvents(Handle handle) {
    int done = 0;
    String last = "";
    while (true) {
      List<String> page = handle.createQuery(TENANT_CURSOR).bind("tenant", last).bind("limit", 500)
          .mapTo(String.class).list();
      int fresh = 0;
      for (String tenant : page) {
        if (done > 0 && tenant.equals(last)) {
          continue; // the cursor starts at the last tenant of the page before
        }
        handle.createUpdate(COUNT_EVENTS).bind("tenant", tenant).execute();
        done++;
        fresh++;
      }
      if (fresh == 0) {
        return done;
      }
      last = page.get(page.size() - 1);
    }
  }

  /** Refuses a file another process has open: H2 holds an OS lock on it while it is open. */
  private static void ensureNotInUse(Path data) throws IOException {
    try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IOException(data + " is open in another process: stop it first");
      }
    } catch (OverlappingFileLockException e) {
      throw new IOException(data + " is open in this process: close the store first", e);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    if (!settings.user().isEmpty()) {
      p.setProperty("user", settings.user());
    }
    settings.password().ifPresent(pw -> p.setProperty("password", pw));
    return p;
  }
}
