package io.convener.core.internal.crypto;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.WrappedKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A map-backed {@link SubjectKeyStore} for testing the cipher alone, counting lookups and inserts. */
final class MapSubjectKeyStore implements SubjectKeyStore {
  final Map<TenantId, TreeMap<MemberId, WrappedKey>> keys = new HashMap<>();
  final AtomicInteger finds = new AtomicInteger();
  final AtomicInteger inserts = new AtomicInteger();

  private TreeMap<MemberId, WrappedKey> of(TenantId tenant) {
    return keys.computeIfAbsent(tenant, t -> new TreeMap<>());
  }

  /** Replaces a stored key as an attacker with write access to the database could. */
  synchronized void put(TenantId tenant, WrappedKey key) {
    of(tenant).put(key.subject(), key);
  }

  @Override
  public synchronized Map<MemberId, WrappedKey> find(TenantId tenant, Collection<MemberId> subjects) {
    finds.incrementAndGet();
    Map<MemberId, WrappedKey> found = new HashMap<>();
    subjects.forEach(s -> Optional.ofNullable(of(tenant).get(s)).ifPresent(k -> found.put(s, k)));
    return found;
  }

  @Override
  public synchronized Map<MemberId, WrappedKey> insertIfAbsent(TenantId tenant, Collection<WrappedKey> given) {
    inserts.incrementAndGet();
    Map<MemberId, WrappedKey> result = new HashMap<>();
    for (WrappedKey k : given) {
      result.put(k.subject(), of(tenant).computeIfAbsent(k.subject(), s -> k));
    }
    return result;
  }

  @Override
  public synchronized int updateWrapping(TenantId tenant, Collection<WrappedKey> given) {
    int updated = 0;
    for (WrappedKey k : given) {
      WrappedKey stored = of(tenant).get(k.subject());
      if (stored != null && stored.keyId() == k.keyId()) {
        of(tenant).put(k.subject(), k);
        updated++;
      }
    }
    return updated;
  }

  @Override
  public synchronized boolean delete(TenantId tenant, MemberId subject) {
    return of(tenant).remove(subject) != null;
  }

  @Override
  public synchronized boolean delete(TenantId tenant, MemberId subject, long keyId) {
    WrappedKey stored = of(tenant).get(subject);
    return stored != null && stored.keyId() == keyId && of(tenant).remove(subject) != null;
  }

  @Override
  public synchronized long deleteAll(TenantId tenant) {
    int n = of(tenant).size();
    of(tenant).clear();
    return n;
  }

  @Override
  public synchronized List<WrappedKey> page(TenantId tenant, Optional<MemberId> after, int limit) {
    return (after.isPresent() ? of(tenant).tailMap(after.get(), false) : of(tenant)).values().stream()
        .limit(limit).toList();
  }

  @Override
  public synchronized long count(TenantId tenant) {
    return of(tenant).size();
  }
}
