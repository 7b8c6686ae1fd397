package io.convener.jdbc.internal.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.jdbc.internal.db.Database;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.jdbc.internal.db.Json;
import io.convener.spi.storage.ConsentAppendResult;
import io.convener.spi.storage.ConsentStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Consent in {@code consent_records} (history), {@code consent_current} (projection) and {@code
 * consent_tenants} (version and policy). An append raises the tenant's version first, which on
 * PostgreSQL locks the tenant's version row until commit: appends of one tenant are serialised, so
 * the projection's read-then-write needs no dialect-specific upsert. Thread-safe.
 */
final class JdbiConsentStore implements ConsentStore {
  static final String ENSURE_TENANT_ROW =
      """
      INSERT INTO consent_tenants (tenant_id, consent_version, policy)
      SELECT :tenant, 0, NULL
      WHERE NOT EXISTS (SELECT 1 FROM consent_tenants WHERE tenant_id = :tenant)""";

  static final String RAISE_VERSION =
      "UPDATE consent_tenants SET consent_version = consent_version + :by WHERE tenant_id = :tenant";

  static final String SET_POLICY =
      """
      UPDATE consent_tenants SET policy = :policy, consent_version = consent_version + 1
      WHERE tenant_id = :tenant""";

  static final String SELECT_VERSION = "SELECT consent_version FROM consent_tenants WHERE tenant_id = :tenant";

  static final String SELECT_POLICY = "SELECT policy FROM consent_tenants WHERE tenant_id = :tenant";

  static final String RECORD_EXISTS =
      "SELECT COUNT(*) FROM consent_records WHERE tenant_id = :tenant AND record_id = :id";

  static final String INSERT_RECORD =
      """
      INSERT INTO consent_records (tenant_id, record_id, seq, subject, purpose, decision, notice_version,
        method, recorded_by, at, expires_at, source_event)
      VALUES (:tenant, :id, :seq, :subject, :purpose, :decision, :notice, :method, :recordedBy, :at,
        :expiresAt, :sourceEvent)""";

  static final String SELECT_RECORD =
      "SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE tenant_id = :tenant AND record_id = :id";

  static final String SELECT_HISTORY =
      "SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE tenant_id = :tenant AND subject = :subject"
          + " ORDER BY seq";

  static final String SELECT_CURRENT_AT =
      """
      SELECT at FROM consent_current
      WHERE tenant_id = :tenant AND purpose = :purpose AND subject = :subject""";

  // The projection holds a copy of each current record (V12), so reading it needs no join.
  static final String SELECT_CURRENT =
      "SELECT " + ConsentRows.COLUMNS + " FROM consent_current"
          + " WHERE tenant_id = :tenant AND purpose = :purpose AND subject = :subject";

  static final String SELECT_GRANTED =
      "SELECT " + ConsentRows.COLUMNS + " FROM consent_current"
          + " WHERE tenant_id = :tenant AND purpose = :purpose AND decision = 'granted'"
          + " AND (expires_at IS NULL OR expires_at > :asOf)";

  static final String INSERT_CURRENT =
      """
      INSERT INTO consent_current (tenant_id, purpose, subject, record_id, decision, notice_version, method,
        recorded_by, at, expires_at, source_event)
      VALUES (:tenant, :purpose, :subject, :id, :decision, :notice, :method, :recordedBy, :at, :expiresAt,
        :sourceEvent)""";

  static final String UPDATE_CURRENT =
      """
      UPDATE consent_current SET record_id = :id, decision = :decision, notice_version = :notice,
        method = :method, recorded_by = :recordedBy, at = :at, expires_at = :expiresAt,
        source_event = :sourceEvent
      WHERE tenant_id = :tenant AND purpose = :purpose AND subject = :subject""";

  private final Database database;

  @Inject
  JdbiConsentStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public ConsentAppendResult append(TenantId tenant, List<ConsentRecord> records) {
    requireNonNull(tenant, "tenant");
    requireNonNull(records, "records");
    for (ConsentRecord r : records) {
      if (!requireNonNull(r, "record").tenant().equals(tenant)) {
        throw new IllegalArgumentException("record " + r.id() + " belongs to another tenant");
      }
      // Refuse instants the schema cannot hold before anything is written.
      EpochNanos.of(r.at(), "at");
      r.expiresAt().ifPresent(e -> EpochNanos.of(e, "expiresAt"));
    }
    if (records.isEmpty()) {
      return new ConsentAppendResult(0, List.of(), version(tenant));
    }
    return database.write("append consent records", tenant, handle -> appendIn(handle, tenant, records));
  }

  private ConsentAppendResult appendIn(Handle handle, TenantId tenant, List<ConsentRecord> records) {
    String t = tenant.value();
    handle.createUpdate(ENSURE_TENANT_ROW).bind("tenant", t).execute();
    List<ConsentRecord> fresh = new ArrayList<>();
    List<ConsentRecordId> duplicates = new ArrayList<>();
    Set<ConsentRecordId> seen = new HashSet<>();
    for (ConsentRecord r : records) {
      boolean stored = !seen.add(r.id())
          || handle.createQuery(RECORD_EXISTS).bind("tenant", t).bind("id", r.id().value())
              .mapTo(Long.class).one() > 0;
      if (stored) {
        duplicates.add(r.id());
      } else {
        fresh.add(r);
      }
    }
    if (fresh.isEmpty()) {
      return new ConsentAppendResult(0, duplicates, selectVersion(handle, t));
    }
    // Raising the version first takes the tenant's row lock (PostgreSQL) before the projection is read.
    handle.createUpdate(RAISE_VERSION).bind("by", fresh.size()).bind("tenant", t).execute();
    long version = selectVersion(handle, t);
    long seq = version - fresh.size();
    PreparedBatch history = handle.prepareBatch(INSERT_RECORD);
    for (ConsentRecord r : fresh) {
      ConsentRows.bindRecord(history.bind("tenant", t), r, ++seq).add();
    }
    history.execute();
    project(handle, t, fresh);
    return new ConsentAppendResult(fresh.size(), duplicates, version);
  }

  /** Moves each key's projection to its latest record: a later or equal {@code at} wins. */
  private static void project(Handle handle, String tenant, List<ConsentRecord> fresh) {
    record Key(Purpose purpose, MemberId subject) {}
    Map<Key, @Nullable Long> storedAt = new LinkedHashMap<>();
    Map<Key, ConsentRecord> winners = new LinkedHashMap<>();
    for (ConsentRecord r : fresh) {
      Key key = new Key(r.purpose(), r.subject());
      if (!storedAt.containsKey(key)) {
        storedAt.put(key, handle.createQuery(SELECT_CURRENT_AT)
            .bind("tenant", tenant).bind("purpose", key.purpose().name()).bind("subject", key.subject().value())
            .mapTo(Long.class).findOne().orElse(null));
      }
      ConsentRecord winner = winners.get(key);
      Long currentAt = winner != null ? Long.valueOf(EpochNanos.of(winner.at(), "at")) : storedAt.get(key);
      if (currentAt == null || EpochNanos.of(r.at(), "at") >= currentAt) {
        winners.put(key, r);
      }
    }
    PreparedBatch inserts = handle.prepareBatch(INSERT_CURRENT);
    PreparedBatch updates = handle.prepareBatch(UPDATE_CURRENT);
    for (Map.Entry<Key, ConsentRecord> e : winners.entrySet()) {
      ConsentRecord r = e.getValue();
      PreparedBatch batch = storedAt.get(e.getKey()) == null ? inserts : updates;
      ConsentRows.bindColumns(batch.bind("tenant", tenant), r).add();
    }
    for (PreparedBatch batch : List.of(inserts, updates)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  @Override
  public Optional<ConsentRecord> find(TenantId tenant, ConsentRecordId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return database.read("find consent record", tenant, handle -> handle.createQuery(SELECT_RECORD)
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map((rs, ctx) -> ConsentRows.map(tenant, rs))
        .findOne());
  }

  @Override
  public Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return database.read("read current consent", tenant, handle -> handle.createQuery(SELECT_CURRENT)
        .bind("tenant", tenant.value())
        .bind("purpose", purpose.name())
        .bind("subject", subject.value())
        .map((rs, ctx) -> ConsentRows.map(tenant, rs))
        .findOne());
  }

  @Override
  public List<ConsentRecord> granted(TenantId tenant, Purpose purpose, Instant asOf) {
    requireNonNull(tenant, "tenant");
    requireNonNull(purpose, "purpose");
    requireNonNull(asOf, "asOf");
    long at = EpochNanos.of(clamp(asOf), "asOf");
    List<ConsentRecord> granted = new ArrayList<>(
        database.read("list granted consent", tenant, handle -> handle.createQuery(SELECT_GRANTED)
            .bind("tenant", tenant.value())
            .bind("purpose", purpose.name())
            .bind("asOf", at)
            .map((rs, ctx) -> ConsentRows.map(tenant, rs))
            .collectIntoList()));
    // Ordered in Java: database collations disagree with MemberId's order beyond ASCII.
    granted.sort((a, b) -> a.subject().compareTo(b.subject()));
    return List.copyOf(granted);
  }

  @Override
  public List<ConsentRecord> history(TenantId tenant, MemberId subject) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    return List.copyOf(database.read("read consent history", tenant, handle -> handle.createQuery(SELECT_HISTORY)
        .bind("tenant", tenant.value())
        .bind("subject", subject.value())
        .map((rs, ctx) -> ConsentRows.map(tenant, rs))
        .collectIntoList()));
  }

  @Override
  public Optional<ConsentPolicy> policy(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    Optional<String> json = database.read("read consent policy", tenant, handle -> handle.createQuery(SELECT_POLICY)
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
        .findOne()
        .flatMap(o -> o));
    return json.map(text -> {
      try {
        return new ConsentPolicy(Set.copyOf(Json.list(text, Purpose::of, "policy")));
      } catch (IllegalArgumentException e) {
        throw new StorageException("the stored consent policy of tenant '" + tenant + "' is not one Convener wrote", e);
      }
    });
  }

  @Override
  public long setPolicy(TenantId tenant, ConsentPolicy policy) {
    requireNonNull(tenant, "tenant");
    requireNonNull(policy, "policy");
    String json = Json.array(List.copyOf(policy.enabled()), Purpose::name);
    return database.write("set consent policy", tenant, handle -> {
      handle.createUpdate(ENSURE_TENANT_ROW).bind("tenant", tenant.value()).execute();
      handle.createUpdate(SET_POLICY).bind("policy", json).bind("tenant", tenant.value()).execute();
      return selectVersion(handle, tenant.value());
    });
  }

  @Override
  public long version(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("read consent version", tenant,
        handle -> handle.createQuery(SELECT_VERSION).bind("tenant", tenant.value()).mapTo(Long.class).findOne()
            .orElse(0L));
  }

  private static long selectVersion(Handle handle, String tenant) {
    return handle.createQuery(SELECT_VERSION).bind("tenant", tenant).mapTo(Long.class).one();
  }

  private static Instant clamp(Instant at) {
    return at.isAfter(EpochNanos.MAX) ? EpochNanos.MAX : at.isBefore(EpochNanos.MIN) ? EpochNanos.MIN : at;
  }
}
