package io.convener.jdbc.internal.keys;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.jdbc.internal.db.Database;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.WrappedKey;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Wrapped member keys in the {@code subject_keys} table. Lookups of many members go in chunks of
 * {@value #CHUNK} ids per statement, within every database's limit on bound parameters, or, where
 * the database does not use the key for such a list ({@link io.convener.jdbc.Dialect#indexesInLists()}),
 * one primary-key look-up per member on one prepared statement. Inserts
 * are portable insert-unless-present statements in one transaction, in subject order; a concurrent
 * writer that inserted the same member first makes the transaction retry (see {@link Database}),
 * and the retry finds its key. Thread-safe.
 */
final class JdbiSubjectKeyStore implements SubjectKeyStore {
  /** How many subject ids one lookup statement binds. */
  static final int CHUNK = 500;

  /** Largest page. */
  static final int MAX_PAGE = 10_000;

  static final String COLUMNS = "subject_id, key_id, wrapping_key_id, wrapped_key";

  /** Followed by {@code :s0, :s1, ...)} for the ids of one chunk. */
  static final String SELECT_SOME =
      "SELECT " + COLUMNS + " FROM subject_keys WHERE tenant_id = :tenant AND subject_id IN (";

  /** One subject's key; positional, for the one-key-at-a-time look-ups. */
  static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM subject_keys WHERE tenant_id = ? AND subject_id = ?";

  static final String SELECT_FIRST_PAGE =
      "SELECT " + COLUMNS + " FROM subject_keys WHERE tenant_id = :tenant ORDER BY subject_id LIMIT :limit";

  static final String SELECT_PAGE_AFTER =
      "SELECT " + COLUMNS + " FROM subject_keys WHERE tenant_id = :tenant AND subject_id > :after"
          + " ORDER BY subject_id LIMIT :limit";

  static final String INSERT_IF_ABSENT =
      """
      INSERT INTO subject_keys (tenant_id, subject_id, key_id, wrapping_key_id, wrapped_key)
      SELECT :tenant, :subject, :keyId, :wrappingKeyId, :wrapped
      WHERE NOT EXISTS (SELECT 1 FROM subject_keys WHERE tenant_id = :tenant AND subject_id = :subject)""";

  static final String UPDATE_WRAPPING =
      """
      UPDATE subject_keys SET wrapping_key_id = :wrappingKeyId, wrapped_key = :wrapped
      WHERE tenant_id = :tenant AND subject_id = :subject AND key_id = :keyId""";

  static final String DELETE_ONE = "DELETE FROM subject_keys WHERE tenant_id = :tenant AND subject_id = :subject";

  static final String DELETE_ONE_IF_KEY =
      "DELETE FROM subject_keys WHERE tenant_id = :tenant AND subject_id = :subject AND key_id = :keyId";

  static final String DELETE_ALL = "DELETE FROM subject_keys WHERE tenant_id = :tenant";

  static final String COUNT = "SELECT COUNT(*) FROM subject_keys WHERE tenant_id = :tenant";

  private final Database database;

  @Inject
  JdbiSubjectKeyStore(Database database) {
    this.database = requireNonNull(database, "database");
  }

  @Override
  public Map<MemberId, WrappedKey> find(TenantId tenant, Collection<MemberId> subjects) {
    requireNonNull(tenant, "tenant");
    List<MemberId> distinct = List.copyOf(new LinkedHashSet<>(requireNonNull(subjects, "subjects")));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return database.read("find subject keys", tenant, handle -> select(handle, tenant, distinct));
  }

  @Override
  public Map<MemberId, WrappedKey> insertIfAbsent(TenantId tenant, Collection<WrappedKey> keys) {
    requireNonNull(tenant, "tenant");
    // In subject order, so that concurrent writers lock keys in the same order and never deadlock.
    Map<MemberId, WrappedKey> bySubject = new TreeMap<>();
    for (WrappedKey key : requireNonNull(keys, "keys")) {
      if (bySubject.put(requireNonNull(key, "key").subject(), key) != null) {
        throw new IllegalArgumentException("two keys for one subject: " + key.subject());
      }
    }
    if (bySubject.isEmpty()) {
      return Map.of();
    }
    return database.write("store subject keys", tenant, handle -> {
      PreparedBatch insert = handle.prepareBatch(INSERT_IF_ABSENT);
      for (WrappedKey key : bySubject.values()) {
        bind(insert.bind("tenant", tenant.value()), key).add();
      }
      insert.execute();
      return select(handle, tenant, List.copyOf(bySubject.keySet()));
    });
  }

  @Override
  public int updateWrapping(TenantId tenant, Collection<WrappedKey> keys) {
    requireNonNull(tenant, "tenant");
    Map<MemberId, WrappedKey> bySubject = new TreeMap<>();
    for (WrappedKey key : requireNonNull(keys, "keys")) {
      bySubject.put(requireNonNull(key, "key").subject(), key);
    }
    if (bySubject.isEmpty()) {
      return 0;
    }
    return database.update("re-wrap subject keys", tenant, handle -> {
      PreparedBatch update = handle.prepareBatch(UPDATE_WRAPPING);
      for (WrappedKey key : bySubject.values()) {
        bind(update.bind("tenant", tenant.value()), key).add();
      }
      int updated = 0;
      for (int count : update.execute()) {
        updated += Math.max(count, 0);
      }
      return updated;
    });
  }

  @Override
  public boolean delete(TenantId tenant, MemberId subject) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    return database.update("delete a subject key", tenant, handle -> handle.createUpdate(DELETE_ONE)
        .bind("tenant", tenant.value())
        .bind("subject", subject.value())
        .execute()) > 0;
  }

  @Override
  public boolean delete(TenantId tenant, MemberId subject, long keyId) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    return database.update("delete a subject key", tenant, handle -> handle.createUpdate(DELETE_ONE_IF_KEY)
        .bind("tenant", tenant.value())
        .bind("subject", subject.value())
        .bind("keyId", keyId)
        .execute()) > 0;
  }

  @Override
  public long deleteAll(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.update("delete all subject keys", tenant, handle -> handle.createUpdate(DELETE_ALL)
        .bind("tenant", tenant.value())
        .execute());
  }

  @Override
  public List<WrappedKey> page(TenantId tenant, Optional<MemberId> after, int limit) {
    requireNonNull(tenant, "tenant");
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_PAGE + "], got " + limit);
    }
    return database.read("page subject keys", tenant, handle -> {
      Query query = after.isPresent()
          ? handle.createQuery(SELECT_PAGE_AFTER).bind("after", after.get().value())
          : handle.createQuery(SELECT_FIRST_PAGE);
      return List.copyOf(query.bind("tenant", tenant.value())
          .bind("limit", limit)
          .map(JdbiSubjectKeyStore::map)
          .collectIntoList());
    });
  }

  @Override
  public long count(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return database.read("count subject keys", tenant, handle -> handle.createQuery(COUNT)
        .bind("tenant", tenant.value())
        .mapTo(Long.class)
        .one());
  }

  private Map<MemberId, WrappedKey> select(Handle handle, TenantId tenant, List<MemberId> subjects)
      throws SQLException {
    Map<MemberId, WrappedKey> found = new HashMap<>();
    if (!database.dialect().indexesInLists() && subjects.size() > 1) {
      try (PreparedStatement one = handle.getConnection().prepareStatement(SELECT_ONE)) {
        one.setString(1, tenant.value());
        for (MemberId subject : subjects) {
          one.setString(2, subject.value());
          try (ResultSet rs = one.executeQuery()) {
            if (rs.next()) {
              found.put(subject, row(rs));
            }
          }
        }
      }
      return Map.copyOf(found);
    }
    for (int from = 0; from < subjects.size(); from += CHUNK) {
      List<MemberId> chunk = subjects.subList(from, Math.min(subjects.size(), from + CHUNK));
      StringBuilder sql = new StringBuilder(SELECT_SOME);
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? ":s" : ", :s").append(i);
      }
      Query query = handle.createQuery(sql.append(')').toString()).bind("tenant", tenant.value());
      for (int i = 0; i < chunk.size(); i++) {
        query.bind("s" + i, chunk.get(i).value());
      }
      for (WrappedKey key : query.map(JdbiSubjectKeyStore::map).collectIntoList()) {
        found.put(key.subject(), key);
      }
    }
    return Map.copyOf(found);
  }

  private static PreparedBatch bind(PreparedBatch batch, WrappedKey key) {
    return batch
        .bind("subject", key.subject().value())
        .bind("keyId", key.keyId())
        .bind("wrappingKeyId", key.wrappingKeyId())
        .bind("wrapped", key.wrapped());
  }

  private static WrappedKey map(ResultSet rs, StatementContext ctx) throws SQLException {
    return row(rs);
  }

  private static WrappedKey row(ResultSet rs) throws SQLException {
    return new WrappedKey(MemberId.of(rs.getString(1)), rs.getLong(2), rs.getInt(3), rs.getString(4));
  }
}
