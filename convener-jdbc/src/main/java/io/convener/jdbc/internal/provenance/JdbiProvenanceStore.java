package io.convener.jdbc.internal.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.CheckpointCursor;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.ProvenanceQuery;
import io.convener.api.provenance.Sha256Hash;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.jdbc.internal.notify.OutboxWriter;
import io.convener.spi.storage.OutboxRow;
import io.convener.spi.storage.ProvenanceHead;
import io.convener.spi.storage.ProvenanceRow;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StoredRows;
import io.convener.spi.storage.StoredSigningKey;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The provenance log in the {@code provenance_*} tables.
 *
 * <p>{@link #append} runs in one write transaction: it creates the tenant's head row if missing,
 * moves the head by compare-and-set ({@code UPDATE ... WHERE tree_size = :expected}; on PostgreSQL
 * the row lock makes a concurrent appender of the same tenant wait, then find the size changed and
 * give up), then writes agents and entities if new, and the entries and their used and generated
 * links as JDBC batches. {@link #inTransaction} runs work in one transaction that the writes of
 * every store on the same database join. Reads return rows exactly as stored. Thread-safe.
 */
final class JdbiProvenanceStore implements ProvenanceStore {
  static final String SELECT_HEAD =
      "SELECT tree_size, root_hash, frontier, last_at FROM provenance_heads WHERE tenant_id = :tenant";
  static final String INIT_HEAD =
      """
      INSERT INTO provenance_heads (tenant_id, tree_size, root_hash, frontier, last_at)
      SELECT :tenant, 0, :root, '', 0
      WHERE NOT EXISTS (SELECT 1 FROM provenance_heads WHERE tenant_id = :tenant)""";
  static final String MOVE_HEAD =
      """
      UPDATE provenance_heads SET tree_size = :size, root_hash = :root, frontier = :frontier, last_at = :lastAt
      WHERE tenant_id = :tenant AND tree_size = :expected""";
  static final String INSERT_AGENT =
      """
      INSERT INTO provenance_agents (tenant_id, agent_kind, agent_id)
      SELECT :tenant, :kind, :id
      WHERE NOT EXISTS (SELECT 1 FROM provenance_agents WHERE tenant_id = :tenant AND agent_kind = :kind AND agent_id = :id)""";
  static final String INSERT_ENTITY =
      """
      INSERT INTO provenance_entities (tenant_id, entity_id)
      SELECT :tenant, :id
      WHERE NOT EXISTS (SELECT 1 FROM provenance_entities WHERE tenant_id = :tenant AND entity_id = :id)""";
  static final String INSERT_ENTRY =
      """
      INSERT INTO provenance_entries (tenant_id, seq, at, activity, agent_kind, agent_id, agent_roles, input_digest,
        outcome, outcome_code, outcome_reason, caused_by, leaf_hash, root_after, replay_of)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String INSERT_USED =
      "INSERT INTO provenance_used (tenant_id, seq, ordinal, entity_id) VALUES (?, ?, ?, ?)";
  static final String INSERT_GENERATED =
      "INSERT INTO provenance_generated (tenant_id, seq, ordinal, entity_id) VALUES (?, ?, ?, ?)";
  static final String SELECT_RANGE = "SELECT " + ProvenanceRows.COLUMNS
      + " FROM provenance_entries WHERE tenant_id = :tenant AND seq >= :from ORDER BY seq LIMIT :limit";
  static final String COUNT = "SELECT COUNT(*) FROM provenance_entries WHERE tenant_id = :tenant";
  static final String SELECT_FILTERED = "SELECT " + ProvenanceRows.COLUMNS
      + " FROM provenance_entries WHERE tenant_id = :tenant";
  static final String ENTITY_CONDITION =
      " AND seq IN (SELECT seq FROM provenance_used WHERE tenant_id = :tenant AND entity_id = :entity"
          + " UNION SELECT seq FROM provenance_generated WHERE tenant_id = :tenant AND entity_id = :entity)";
  static final String USED_IN_RANGE =
      "SELECT seq, entity_id FROM provenance_used WHERE tenant_id = :tenant AND seq >= :first AND seq <= :last"
          + " ORDER BY seq, ordinal";
  static final String GENERATED_IN_RANGE =
      "SELECT seq, entity_id FROM provenance_generated WHERE tenant_id = :tenant AND seq >= :first AND seq <= :last"
          + " ORDER BY seq, ordinal";
  static final String LEAF_HASHES =
      "SELECT seq, leaf_hash FROM provenance_entries WHERE tenant_id = :tenant AND seq >= :first AND seq <= :last"
          + " ORDER BY seq";
  static final String INSERT_CHECKPOINT =
      """
      INSERT INTO provenance_checkpoints (tenant_id, tree_size, signed_at, note)
      SELECT :tenant, :size, :at, :note
      WHERE NOT EXISTS (SELECT 1 FROM provenance_checkpoints WHERE tenant_id = :tenant AND tree_size = :size AND signed_at = :at)""";
  static final String SELECT_CHECKPOINTS =
      "SELECT note FROM provenance_checkpoints WHERE tenant_id = :tenant ORDER BY tree_size, signed_at";
  /** The checkpoint feed: those signed after a cursor, in signing order. */
  static final String SELECT_CHECKPOINTS_AFTER =
      "SELECT note FROM provenance_checkpoints WHERE tenant_id = :tenant"
          + " AND (signed_at > :at OR (signed_at = :at AND tree_size > :size)) ORDER BY signed_at, tree_size LIMIT :limit";
  static final String INSERT_KEY =
      """
      INSERT INTO provenance_signing_keys (tenant_id, key_name, private_key, public_key)
      SELECT :tenant, :name, :private, :public
      WHERE NOT EXISTS (SELECT 1 FROM provenance_signing_keys WHERE tenant_id = :tenant)""";
  static final String SELECT_KEY =
      "SELECT key_name, private_key, public_key FROM provenance_signing_keys WHERE tenant_id = :tenant";

  private final Database database;

  @Inject
  JdbiProvenanceStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public ProvenanceHead head(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read the provenance head", tenant, handle -> handle.createQuery(SELECT_HEAD)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> new ProvenanceHead(
            rs.getLong(1),
            Sha256Hash.fromHex(rs.getString(2)),
            ProvenanceRows.hashes(rs.getString(3)),
            EpochNanos.toInstant(rs.getLong(4))))
        .findOne()
        .orElseGet(ProvenanceHead::empty));
  }

  @Override
  public boolean append(TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next) {
    return append(tenant, expectedSize, rows, next, List.of());
  }

  @Override
  public boolean append(
      TenantId tenant, long expectedSize, List<ProvenanceRow> rows, ProvenanceHead next, List<OutboxRow> outbox) {
    requireNonNull(tenant, "tenant");
    requireNonNull(outbox, "outbox");
    requireNonNull(rows, "rows");
    requireNonNull(next, "next");
    for (int i = 0; i < rows.size(); i++) {
      ProvenanceRow row = requireNonNull(rows.get(i), "rows[" + i + "]");
      if (row.sequence() != expectedSize + i || !row.entry().tenant().equals(tenant)) {
        throw new IllegalArgumentException("rows[" + i + "] must be entry " + (expectedSize + i)
            + " of tenant " + tenant + ", got entry " + row.sequence() + " of " + row.entry().tenant());
      }
    }
    if (next.size() != expectedSize + rows.size()) {
      throw new IllegalArgumentException(
          "the next head must have " + (expectedSize + rows.size()) + " entries, got " + next.size());
    }
    if (rows.isEmpty() && !outbox.isEmpty()) {
      throw new IllegalArgumentException("outbox rows need the provenance entry of their cause");
    }
    if (rows.isEmpty()) {
      return head(tenant).size() == expectedSize;
    }
    return database.write("append to the provenance log", tenant, handle -> {
      if (expectedSize == 0) {
        handle.createUpdate(INIT_HEAD).bind("tenant", tenant.value())
            .bind("root", ProvenanceHead.EMPTY_ROOT.hex()).execute();
      }
      if (!moveHead(handle, tenant, expectedSize, next)) {
        return false;
      }
      insertAgentsAndEntities(handle, tenant, rows);
      insertEntries(handle, tenant, rows);
      OutboxWriter.write(handle, tenant, outbox);
      return true;
    });
  }

  @Override
  public <R> R inTransaction(TenantId tenant, Supplier<R> work) {
    requireNonNull(tenant, "tenant");
    requireNonNull(work, "work");
    return database.inTransaction("write a batch with its provenance entry", tenant, work);
  }

  @Override
  public boolean transactional(TenantId tenant) {
    return true;
  }

  @Override
  public Optional<StoredRows> storedRows(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return Optional.of(CoverageCounts.count(database, tenant));
  }

  @Override
  public boolean moveHead(TenantId tenant, long expectedSize, ProvenanceHead next) {
    requireNonNull(tenant, "tenant");
    requireNonNull(next, "next");
    return database.write("move the provenance head", tenant, handle -> {
      handle.createUpdate(INIT_HEAD).bind("tenant", tenant.value()).bind("root", ProvenanceHead.EMPTY_ROOT.hex()).execute();
      return moveHead(handle, tenant, expectedSize, next);
    });
  }

  private static boolean moveHead(Handle handle, TenantId tenant, long expectedSize, ProvenanceHead next) {
    return handle.createUpdate(MOVE_HEAD)
        .bind("tenant", tenant.value())
        .bind("size", next.size())
        .bind("root", next.root().hex())
        .bind("frontier", ProvenanceRows.hashes(next.frontier()))
        .bind("lastAt", EpochNanos.of(next.lastAt(), "lastAt"))
        .bind("expected", expectedSize)
        .execute() == 1;
  }

  private static void insertAgentsAndEntities(Handle handle, TenantId tenant, List<ProvenanceRow> rows) {
    Set<List<String>> agents = new LinkedHashSet<>();
    Set<String> entities = new LinkedHashSet<>();
    for (ProvenanceRow row : rows) {
      agents.add(List.of(row.entry().agent().kind().name(), row.entry().agent().id()));
      entities.addAll(row.entry().used());
      entities.addAll(row.entry().generated());
    }
    // Key order, so that concurrent writers lock keys in the same order.
    PreparedBatch agentBatch = handle.prepareBatch(INSERT_AGENT);
    agents.stream().sorted(Comparator.comparing((List<String> a) -> a.get(0)).thenComparing(a -> a.get(1)))
        .forEach(a -> agentBatch.bind("tenant", tenant.value()).bind("kind", a.get(0)).bind("id", a.get(1)).add());
    agentBatch.execute();
    if (!entities.isEmpty()) {
      PreparedBatch entityBatch = handle.prepareBatch(INSERT_ENTITY);
      entities.stream().sorted()
          .forEach(id -> entityBatch.bind("tenant", tenant.value()).bind("id", id).add());
      entityBatch.execute();
    }
  }

  private static void insertEntries(Handle handle, TenantId tenant, List<ProvenanceRow> rows) throws SQLException {
    try (PreparedStatement entries = handle.getConnection().prepareStatement(INSERT_ENTRY);
        PreparedStatement used = handle.getConnection().prepareStatement(INSERT_USED);
        PreparedStatement generated = handle.getConnection().prepareStatement(INSERT_GENERATED)) {
      int links = 0;
      int produced = 0;
      for (ProvenanceRow row : rows) {
        ProvenanceRows.bind(entries, tenant.value(), row);
        entries.addBatch();
        links += addLinks(used, tenant, row.sequence(), row.entry().used());
        produced += addLinks(generated, tenant, row.sequence(), row.entry().generated());
      }
      entries.executeBatch();
      if (links > 0) {
        used.executeBatch();
      }
      if (produced > 0) {
        generated.executeBatch();
      }
    }
  }

  private static int addLinks(PreparedStatement insert, TenantId tenant, long seq, List<String> ids)
      throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      insert.setString(1, tenant.value());
      insert.setLong(2, seq);
      insert.setInt(3, i);
      insert.setString(4, ids.get(i));
      insert.addBatch();
    }
    return ids.size();
  }

  @Override
  public List<ProvenanceRow> range(TenantId tenant, long from, int limit) {
    requireNonNull(tenant, "tenant");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return database.read("read the provenance log", tenant, handle -> {
      List<ProvenanceRows.Raw> raws = handle.createQuery(SELECT_RANGE)
          .bind("tenant", tenant.value())
          .bind("from", from)
          .bind("limit", limit)
          .map((rs, ctx) -> ProvenanceRows.map(tenant, rs))
          .list();
      return withEntities(handle, tenant, raws);
    });
  }

  @Override
  public long count(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("count provenance entries", tenant, handle ->
        handle.createQuery(COUNT).bind("tenant", tenant.value()).mapTo(Long.class).one());
  }

  @Override
  public List<ProvenanceRow> find(TenantId tenant, ProvenanceQuery query) {
    requireNonNull(tenant, "tenant");
    requireNonNull(query, "query");
    ProvenanceFilter filter = ProvenanceFilter.of(query);
    if (filter.matchesNothing()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(SELECT_FILTERED).append(filter.conditions());
    if (query.entity().isPresent()) {
      sql.append(ENTITY_CONDITION);
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    return database.read("query the provenance log", tenant, handle -> {
      Query select = filter.bind(handle.createQuery(sql.toString()), tenant).bind("limit", query.limit());
      query.entity().ifPresent(entity -> select.bind("entity", entity));
      List<ProvenanceRows.Raw> raws = select.map((rs, ctx) -> ProvenanceRows.map(tenant, rs)).list();
      return withEntities(handle, tenant, raws);
    });
  }

  /** Completes rows with their used and generated entities, read for the rows' sequence range. */
  private static List<ProvenanceRow> withEntities(Handle handle, TenantId tenant, List<ProvenanceRows.Raw> raws) {
    if (raws.isEmpty()) {
      return List.of();
    }
    long first = raws.get(0).seq();
    long last = raws.get(raws.size() - 1).seq();
    Map<Long, List<String>> used = links(handle, USED_IN_RANGE, tenant, first, last, raws);
    Map<Long, List<String>> generated = links(handle, GENERATED_IN_RANGE, tenant, first, last, raws);
    List<ProvenanceRow> rows = new ArrayList<>(raws.size());
    for (ProvenanceRows.Raw raw : raws) {
      ProvenanceEntry entry = raw.entry()
          .used(used.getOrDefault(raw.seq(), List.of()))
          .generated(generated.getOrDefault(raw.seq(), List.of()))
          .build();
      rows.add(new ProvenanceRow(entry, raw.leafHash(), raw.rootAfter()));
    }
    return List.copyOf(rows);
  }

  /**
   * The links of the rows, by sequence. Reads the whole sequence range when the rows are dense in
   * it, else the range of each run of consecutive rows.
   */
  private static Map<Long, List<String>> links(
      Handle handle, String sql, TenantId tenant, long first, long last, List<ProvenanceRows.Raw> raws) {
    Map<Long, List<String>> links = new HashMap<>();
    Set<Long> wanted = new HashSet<>();
    raws.forEach(r -> wanted.add(r.seq()));
    List<long[]> runs = new ArrayList<>();
    if (last - first + 1 <= 4L * raws.size()) {
      runs.add(new long[] {first, last});
    } else {
      long start = raws.get(0).seq();
      long previous = start;
      for (int i = 1; i < raws.size(); i++) {
        long seq = raws.get(i).seq();
        if (seq != previous + 1) {
          runs.add(new long[] {start, previous});
          start = seq;
        }
        previous = seq;
      }
      runs.add(new long[] {start, previous});
    }
    for (long[] run : runs) {
      handle.createQuery(sql)
          .bind("tenant", tenant.value())
          .bind("first", run[0])
          .bind("last", run[1])
          .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
          .forEach(link -> {
            if (wanted.contains(link.getKey())) {
              links.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue());
            }
          });
    }
    return links;
  }

  @Override
  public List<Sha256Hash> leafHashes(TenantId tenant, long from, int count) {
    requireNonNull(tenant, "tenant");
    if (from < 0 || count < 0) {
      throw new IllegalArgumentException("need from >= 0 and count >= 0, got " + from + " and " + count);
    }
    if (count == 0) {
      return List.of();
    }
    List<Sha256Hash> hashes = database.read("read provenance leaf hashes", tenant, handle -> {
      List<Sha256Hash> found = new ArrayList<>(count);
      handle.createQuery(LEAF_HASHES)
          .bind("tenant", tenant.value())
          .bind("first", from)
          .bind("last", from + count - 1)
          .setFetchSize(Math.min(count, 10_000))
          .map((rs, ctx) -> readLeaf(rs, from + found.size()))
          .forEach(found::add);
      return found;
    });
    if (hashes.size() != count) {
      throw new IndexOutOfBoundsException("the provenance log of tenant '" + tenant + "' has no entries "
          + from + " to " + (from + count - 1) + " without gaps");
    }
    return List.copyOf(hashes);
  }

  private static Sha256Hash readLeaf(ResultSet rs, long expected) throws SQLException {
    if (rs.getLong(1) != expected) {
      throw new IndexOutOfBoundsException("provenance entry " + expected + " is missing");
    }
    return Sha256Hash.fromHex(rs.getString(2));
  }

  @Override
  public void saveCheckpoint(TenantId tenant, Checkpoint checkpoint) {
    requireNonNull(tenant, "tenant");
    requireNonNull(checkpoint, "checkpoint");
    if (!checkpoint.tenant().equals(tenant)) {
      throw new IllegalArgumentException("a checkpoint of tenant " + checkpoint.tenant() + " is not tenant " + tenant + "'s");
    }
    database.write("save a provenance checkpoint", tenant, handle -> handle.createUpdate(INSERT_CHECKPOINT)
        .bind("tenant", tenant.value())
        .bind("size", checkpoint.treeSize())
        .bind("at", EpochNanos.of(checkpoint.timestamp(), "timestamp"))
        .bind("note", checkpoint.toText())
        .execute());
  }

  @Override
  public List<Checkpoint> checkpoints(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read provenance checkpoints", tenant, handle -> handle.createQuery(SELECT_CHECKPOINTS)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> Checkpoint.parse(rs.getString(1)))
        .list());
  }

  @Override
  public List<Checkpoint> checkpointsAfter(TenantId tenant, CheckpointCursor after, int limit) {
    requireNonNull(tenant, "tenant");
    requireNonNull(after, "after");
    // Checkpoint timestamps, and so the stored signed_at, are whole milliseconds, as is the cursor.
    long at = EpochNanos.of(after.signedAt(), "cursor");
    return database.read("read the provenance checkpoint feed", tenant, handle -> handle.createQuery(SELECT_CHECKPOINTS_AFTER)
        .bind("tenant", tenant.value())
        .bind("at", at)
        .bind("size", after.treeSize())
        .bind("limit", limit)
        .map((rs, ctx) -> Checkpoint.parse(rs.getString(1)))
        .list());
  }

  @Override
  public Optional<StoredSigningKey> signingKey(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read the checkpoint signing key", tenant, handle -> handle.createQuery(SELECT_KEY)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> new StoredSigningKey(rs.getString(1), rs.getString(2), rs.getString(3)))
        .findOne());
  }

  @Override
  public StoredSigningKey saveSigningKey(TenantId tenant, StoredSigningKey key) {
    requireNonNull(tenant, "tenant");
    requireNonNull(key, "key");
    database.write("save the checkpoint signing key", tenant, handle -> handle.createUpdate(INSERT_KEY)
        .bind("tenant", tenant.value())
        .bind("name", key.keyName())
        .bind("private", key.privateKey())
        .bind("public", key.publicKey())
        .execute());
    return signingKey(tenant).orElseThrow(() -> new IllegalStateException("the signing key was not saved"));
  }
}
