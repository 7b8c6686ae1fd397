package io.convener.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The databases Convener stores into, and the few SQL snippets in which they differ. Everything
 * else, migrations included, is one SQL code path that runs unchanged on all three.
 *
 * <p>Supported JDBC URLs: {@code jdbc:h2:file:PATH} and {@code jdbc:h2:mem:NAME} (embedded H2
 * 2.x; its other forms such as {@code jdbc:h2:~/PATH} and {@code jdbc:h2:tcp://...} work too);
 * {@code jdbc:sqlite:FILE}; {@code jdbc:postgresql://HOST[:PORT]/DATABASE}. Immutable and
 * thread-safe.
 */
public enum Dialect {
  /**
   * H2 2.x, embedded (file or named in-memory database) or server. Writes are serialised within the
   * process: an embedded database gains nothing from concurrent writers, and concurrent inserts of
   * one key would otherwise fail on H2's unique index rather than wait. Connections wait at most
   * {@value Constants#H2_LOCK_TIMEOUT_MS} ms for a lock ({@code LOCK_TIMEOUT}; H2's default is 10
   * s, spent re-running the statement at full CPU), and an embedded file database is written at
   * each commit ({@code WRITE_DELAY=0}, see {@link #connectionProperties(String)}).
   */
  H2(
      "jdbc:h2:",
      """
      MERGE INTO members (tenant_id, member_id, org, teams, cohorts, skills, seq)
      KEY (tenant_id, member_id)
      VALUES (:tenant, :id, :org, :teams, :cohorts, :skills, :seq)""",
      Constants.EVENT_INSERT_PLAIN,
      true,
      Map.of("LOCK_TIMEOUT", String.valueOf(Constants.H2_LOCK_TIMEOUT_MS)),
      true,
      true,
      4,
      false),

  /**
   * SQLite 3.24 or later, one database file; the default store. Opened in WAL journal mode with
   * {@code synchronous=FULL}, so that a commit is on disk when it returns: it survives a killed
   * process and a power failure alike. Foreign keys on; transactions begin {@code IMMEDIATE}, taking
   * the write lock at {@code BEGIN}, so that a writer of another process waits for it (a {@value
   * Constants#SQLITE_BUSY_TIMEOUT_MS} ms busy timeout, then the store's bounded retries) rather than
   * failing when a read transaction turns into a write. Writes of this process are serialised
   * because SQLite allows one writer at a time. A connection with these properties outside Convener
   * must stay in auto-commit mode between its transactions: the driver begins the next {@code
   * IMMEDIATE} transaction as soon as one commits, and would hold the write lock meanwhile.
   */
  SQLITE(
      "jdbc:sqlite:",
      Constants.MEMBER_UPSERT_ON_CONFLICT,
      Constants.EVENT_INSERT_ON_CONFLICT,
      false,
      Map.of(
          "journal_mode", "WAL",
          "synchronous", "FULL",
          "foreign_keys", "true",
          "transaction_mode", "IMMEDIATE",
          "busy_timeout", String.valueOf(Constants.SQLITE_BUSY_TIMEOUT_MS)),
      true,
      true,
      4,
      true),

  /**
   * PostgreSQL 11 or later (the events table is partitioned by a hash of the tenant, migration V20),
   * through the PostgreSQL JDBC driver (an optional dependency).
   */
  POSTGRESQL(
      "jdbc:postgresql:",
      Constants.MEMBER_UPSERT_ON_CONFLICT,
      Constants.EVENT_INSERT_ON_CONFLICT,
      false,
      Map.of(),
      false,
      false,
      8,
      true);

  /** Snippets shared by more than one dialect; an enum constant cannot refer to its own statics. */
  private static final class Constants {
    /** How long an H2 connection waits for a lock; the store retries within its own time budget. */
    static final int H2_LOCK_TIMEOUT_MS = 2_000;

    /** How long SQLite waits for another process's write lock before the store's retry. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;

    static final String MEMBER_UPSERT_ON_CONFLICT =
        """
        INSERT INTO members (tenant_id, member_id, org, teams, cohorts, skills, seq)
        VALUES (:tenant, :id, :org, :teams, :cohorts, :skills, :seq)
        ON CONFLICT (tenant_id, member_id) DO UPDATE
        SET org = excluded.org, teams = excluded.teams, cohorts = excluded.cohorts, skills = excluded.skills,
            seq = excluded.seq""";

    static final String EVENT_INSERT_PLAIN =
        """
        INSERT INTO events (tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String EVENT_INSERT_ON_CONFLICT =
        """
        INSERT INTO events (tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, event_id) DO NOTHING""";

    private Constants() {}
  }

  /** Says which URLs work; part of every rejection message. */
  static final String SUPPORTED =
      "supported are jdbc:h2:file:PATH, jdbc:h2:mem:NAME (embedded H2 2.x), jdbc:sqlite:FILE"
          + " and jdbc:postgresql://HOST[:PORT]/DATABASE";

  private final String urlPrefix;
  private final String memberUpsert;
  private final String eventInsert;
  private final boolean checksExistingEvents;
  private final Map<String, String> connectionProperties;
  private final boolean singleWriter;
  private final boolean embedded;
  private final int poolSize;
  private final boolean indexesInLists;

  Dialect(
      String urlPrefix,
      String memberUpsert,
      String eventInsert,
      boolean checksExistingEvents,
      Map<String, String> connectionProperties,
      boolean singleWriter,
      boolean embedded,
      int poolSize,
      boolean indexesInLists) {
    this.urlPrefix = urlPrefix;
    this.memberUpsert = memberUpsert;
    this.eventInsert = eventInsert;
    this.checksExistingEvents = checksExistingEvents;
    this.connectionProperties = connectionProperties;
    this.singleWriter = singleWriter;
    this.embedded = embedded;
    this.poolSize = poolSize;
    this.indexesInLists = indexesInLists;
  }

  /**
   * The dialect of a JDBC URL.
   *
   * @throws IllegalArgumentException naming the supported URLs when the URL is of another database,
   *     or is an SQLite or anonymous H2 in-memory database (private to one connection, so unusable
   *     from a connection pool)
   * @throws NullPointerException when {@code url} is null
   */
  public static Dialect fromUrl(String url) {
    requireNonNull(url, "url");
    String lower = url.toLowerCase(Locale.ROOT);
    for (Dialect dialect : values()) {
      if (lower.startsWith(dialect.urlPrefix)) {
        dialect.checkUsable(url.substring(dialect.urlPrefix.length()));
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL '" + scheme(url) + "...': " + SUPPORTED);
  }

  private void checkUsable(String rest) {
    String target = stripParameters(rest);
    if (this == SQLITE && (target.isBlank() || target.contains(":memory:") || rest.contains("mode=memory"))) {
      throw new IllegalArgumentException(
          "in-memory SQLite is private to one connection and cannot be shared: use a file,"
              + " jdbc:sqlite:FILE, or an in-memory H2 database, jdbc:h2:mem:NAME");
    }
    if (this == H2 && (target.isBlank() || target.equals("mem:"))) {
      throw new IllegalArgumentException(
          "an H2 database needs a name or a path: jdbc:h2:file:PATH or jdbc:h2:mem:NAME");
    }
  }

  /**
   * The local file a URL of an embedded database points at, so that its directory can be created
   * before the database is opened; empty for in-memory and server databases.
   */
  public Optional<Path> localFile(String url) {
    String rest = stripParameters(url.substring(Math.min(urlPrefix.length(), url.length())));
    String path;
    if (this == SQLITE) {
      path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
    } else if (this == H2 && rest.startsWith("file:")) {
      path = rest.substring("file:".length());
    } else if (this == H2 && !rest.matches("^[A-Za-z]{2,}:.*")) {
      // No prefix such as mem:, tcp: or nio:, so an implicit file path such as ./data/db or ~/db.
      path = rest;
    } else {
      return Optional.empty();
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
  }

  /**
   * The statement that inserts a member or replaces every column of an existing one; binds
   * {@code tenant, id, org, teams, cohorts, skills}.
   */
  public String memberUpsert() {
    return memberUpsert;
  }

  /**
   * The statement that inserts an event. It has twelve positional parameters, the columns {@code
   * tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs} in
   * that order, so that the hot ingestion path binds plain JDBC parameters. SQLite and PostgreSQL
   * use {@code INSERT ... ON CONFLICT DO NOTHING}: an update count of 1 when it inserted and 0 when
   * the tenant already had the id (on PostgreSQL safe against concurrent writers). H2 has no such
   * clause outside its PostgreSQL mode, and its {@code MERGE ... WHEN NOT MATCHED} costs twice a
   * plain insert, so on H2 this is a plain {@code INSERT} and the store takes care of ids already
   * stored itself ({@link #checksExistingEvents()}), under the in-process write lock.
   */
  public String eventInsert() {
    return eventInsert;
  }

  /**
   * Whether {@link #eventInsert()} inserts unconditionally, so that the store must keep ids already
   * stored out of it: it tries the batch under a savepoint and, on a unique-key violation, rolls
   * back and redoes the batch after a primary-key look-up per row. Only for single-writer
   * databases, where the write lock makes the look-up and the insert atomic; a writer of another
   * process surfaces as a duplicate-key failure, which is retried.
   */
  public boolean checksExistingEvents() {
    return checksExistingEvents;
  }

  /** Driver properties every connection is opened with (never null, often empty). */
  public Map<String, String> connectionProperties() {
    return connectionProperties;
  }

  /**
   * Driver properties connections to this URL are opened with: {@link #connectionProperties()},
   * and for an embedded H2 file {@code WRITE_DELAY=0}, so that each commit is written to the file
   * before it returns (H2 otherwise writes every 500 ms, and a killed process loses the commits of
   * the last half second or more).
   */
  public Map<String, String> connectionProperties(String url) {
    if (this != H2 || localFile(url).isEmpty()) {
      return connectionProperties;
    }
    Map<String, String> all = new HashMap<>(connectionProperties);
    all.put("WRITE_DELAY", "0");
    return Map.copyOf(all);
  }

  /**
   * Whether writes of this process are serialised: SQLite allows one writer at a time, and H2
   * fails rather than waits when two transactions insert one key. Writers of other processes are
   * still handled by retrying (see {@link #isTransient}).
   */
  public boolean singleWriter() {
    return singleWriter;
  }

  /**
   * Whether the database runs inside this JVM (connections never go stale and may live as long as
   * the store is open).
   */
  public boolean embedded() {
    return embedded;
  }

  /**
   * Whether {@code WHERE tenant_id = ? AND x IN (?, ?, ...)} is answered by index look-ups. H2 uses
   * an index for an IN list only on the index's first column, and every key of the schema leads
   * with {@code tenant_id}, so there such a statement reads all the tenant's rows and compares each
   * with every listed value; stores look rows up one key at a time on a dialect without it.
   */
  public boolean indexesInLists() {
    return indexesInLists;
  }

  /** How many connections the store keeps open. */
  public int poolSize() {
    return poolSize;
  }

  /**
   * Whether a failed transaction may succeed when tried again, because the failure came from a
   * concurrent writer: an integrity violation (another transaction inserted the same key first),
   * a serialization failure or deadlock (SQL state class 40), a lock timeout (H2's HYT00), or
   * SQLite's busy and locked results. The store retries these within a bounded number of attempts
   * and time; a lock that outlasts them means another process holds it, or a damaged database.
   */
  public static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      // SQLite's driver sets no SQL state; its primary result codes 5, 6 and 19 are SQLITE_BUSY,
      // SQLITE_LOCKED and SQLITE_CONSTRAINT.
      int primary = e.getErrorCode() & 0xff;
      return primary == 5 || primary == 6 || primary == 19;
    }
    return state.startsWith("23") || state.startsWith("40") || state.equals("HYT00");
  }

  private static String stripParameters(String rest) {
    int end = rest.length();
    for (char c : new char[] {';', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  /** The part of a URL before its second colon: names the driver, never a password. */
  private static String scheme(String url) {
    int first = url.indexOf(':');
    int second = first < 0 ? -1 : url.indexOf(':', first + 1);
    return second < 0 ? url.substring(0, Math.min(url.length(), 16)) : url.substring(0, second + 1);
  }
}
