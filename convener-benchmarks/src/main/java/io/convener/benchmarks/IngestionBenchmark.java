package io.convener.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.model.Event;
import io.convener.core.Conveners;
import io.convener.jdbc.Dialect;
import io.convener.testing.synthetic.GeneratedOrganisation;
import io.convener.testing.synthetic.JsonLinesWriter;
import io.convener.testing.synthetic.SyntheticOrganisation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingestion against plain JDBC, on the same rows and the same database.
 *
 * <p>Each invocation starts from a fresh, migrated database file and writes the events of a
 * synthetic organisation (about 100,000 events) into it:
 *
 * <ul>
 *   <li>{@code convenerIngest} — {@code IngestService.ingest} of the organisation's JSON Lines
 *       file: reading, parsing and validating every line, then idempotent batched inserts (1,000
 *       per transaction) through the Jdbi store;
 *   <li>{@code plainJdbcBatch} — the floor: a plain {@link PreparedStatement} batch of the very
 *       same rows, already in memory as column values (JSON columns pre-serialised), 1,000 rows
 *       per transaction, into the same table through a connection with the same settings.
 * </ul>
 *
 * <p>Rows per second = events / seconds per operation. Run:
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl convener-benchmarks -am
 * java -jar convener-benchmarks/target/benchmarks.jar IngestionBenchmark -rf json -rff ingestion.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class IngestionBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final Principal LOADER = Principal.of(TENANT, "benchmark", Role.ADMIN);
  private static final int BATCH = 1000;
  private static final String INSERT =
      "INSERT INTO events (tenant_id, event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The database: {@code h2} (embedded file) or {@code sqlite} (file, WAL). */
  @Param({"h2", "sqlite"})
  public String db;

  /** Members of the synthetic organisation; 800 members over 12 weeks give about 100,000 events. */
  @Param({"800"})
  public int members;

  private Path input;
  private List<Object[]> rows;
  private Path dir;
  private Convener convener;
  private Connection plain;

  /** Generates the organisation once: the JSON Lines file, and the same events as column values. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    GeneratedOrganisation org = SyntheticOrganisation.builder().seed(7).members(members).weeks(12).build().generate();
    input = Files.createTempFile("convener-bench-", ".jsonl");
    rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16);
        JsonLinesWriter lines = JsonLinesWriter.to(out)) {
      for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
        Event e = it.next();
        lines.event(e);
        rows.add(row(json, e));
      }
    }
  }

  /** A fresh database for every invocation, migrated by Convener before the clock starts. */
  @Setup(Level.Invocation)
  public void openDatabase() throws IOException, SQLException {
    dir = Files.createTempDirectory("convener-bench-db-");
    String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("bench") : "jdbc:sqlite:" + dir.resolve("bench.db");
    convener = Conveners.builder().database(url).build();
    Properties props = new Properties();
    Dialect.fromUrl(url).connectionProperties(url).forEach(props::setProperty);
    plain = DriverManager.getConnection(url, props);
    plain.setAutoCommit(false);
    try (PreparedStatement tenant = plain.prepareStatement("INSERT INTO tenants (tenant_id) VALUES (?)")) {
      tenant.setString(1, TENANT.value());
      tenant.executeUpdate();
    }
    plain.commit();
    // Back to auto-commit between batches: SQLite's driver begins the next IMMEDIATE transaction
    // right after a commit, which would hold the write lock while Convener ingests.
    plain.setAutoCommit(true);
  }

  /** Closes both connections and deletes the database. */
  @TearDown(Level.Invocation)
  public void closeDatabase() throws IOException, SQLException {
    plain.close();
    convener.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Deletes the input file. */
  @TearDown(Level.Trial)
  public void deleteInput() throws IOException {
    Files.deleteIfExists(input);
  }

  /** How many events the organisation has. */
  int eventCount() {
    return rows.size();
  }

  /** Convener's ingestion of the JSON Lines file. */
  @Benchmark
  public IngestReport convenerIngest() {
    IngestReport report = convener.ingest().file(LOADER, input);
    if (report.events() != rows.size()) {
      throw new IllegalStateException("ingested " + report.events() + " of " + rows.size());
    }
    return report;
  }

  /** Plain JDBC batch inserts of the same rows, 1,000 per transaction. */
  @Benchmark
  public int plainJdbcBatch() throws SQLException {
    int written = 0;
    plain.setAutoCommit(false);
    try (PreparedStatement insert = plain.prepareStatement(INSERT)) {
      for (int i = 0; i < rows.size(); i++) {
        Object[] row = rows.get(i);
        for (int c = 0; c < row.length; c++) {
          if (row[c] == null) {
            insert.setNull(c + 1, c == 7 ? Types.DOUBLE : Types.VARCHAR);
          } else {
            insert.setObject(c + 1, row[c]);
          }
        }
        insert.addBatch();
        if ((i + 1) % BATCH == 0 || i + 1 == rows.size()) {
          for (int n : insert.executeBatch()) {
            written += n;
          }
          plain.commit();
        }
      }
    } finally {
      plain.setAutoCommit(true);
    }
    return written;
  }

  private static Object[] row(ObjectMapper json, Event e) {
    try {
      return new Object[] {
        TENANT.value(),
        e.id().value(),
        e.at().getEpochSecond() * 1_000_000_000L + e.at().getNano(),
        e.kind().wireName(),
        e.actor().value(),
        e.team().map(Object::toString).orElse(null),
        e.weight(),
        e.sentiment().isPresent() ? e.sentiment().getAsDouble() : null,
        json.writeValueAsString(e.targets().stream().map(MemberId::value).toList()),
        json.writeValueAsString(e.refs().stream().map(EventId::value).toList()),
        json.writeValueAsString(e.tags()),
        json.writeValueAsString(e.attrs().values())
      };
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
