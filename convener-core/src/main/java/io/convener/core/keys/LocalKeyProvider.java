package io.convener.core.keys;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.google.inject.Key;
import io.convener.api.TenantId;
import io.convener.core.ConvenerSettings;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import io.convener.spi.storage.StoragePlace;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link KeyProvider}: each tenant's keys in a local keyset file under {@link
 * ConvenerSettings#keyDirectory()} ({@link KeysetDirectory}, {@link KeysetJson}), or only in memory
 * when no directory is set (for tests and in-memory databases: the keys die with the process).
 *
 * <p>Keysets are cached; before each use the file's stamp is compared with the cached one, so a
 * change by another process sharing the directory (a rotation, a destruction) is seen on the next
 * call. Changes hold this provider's monitor and the directory's lock file, re-read the file under
 * the lock, and write it atomically, so concurrent changes from threads or processes are never
 * lost. Nothing is read or written before the first call. Thread-safe.
 */
final class LocalKeyProvider implements KeyProvider {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKeyProvider.class);

  private final Optional<KeysetDirectory> directory;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

  /** A keyset and the stamp of the file it came from (empty: no file, or keys in memory only). */
  private record Cached(Keyset keyset, Optional<KeysetDirectory.Stamp> stamp) {}

  /**
   * With the key directory of the settings, or in memory while that is the default and the store
   * the injector has is in memory too ({@link ConvenerSettings#forStore}), so that an in-memory
   * database writes nothing into the working directory. Keys of a file database stay where the
   * settings say, where earlier versions keep them.
   */
  @Inject
  LocalKeyProvider(ConvenerSettings settings, Injector injector) {
    this(settings.forStore(Optional.ofNullable(injector.getExistingBinding(Key.get(StoragePlace.class)))
        .map(binding -> binding.getProvider().get()).filter(StoragePlace::inMemory)).keyDirectory(), Clock.systemUTC());
  }

  LocalKeyProvider(Optional<Path> directory, Clock clock) {
    this.directory = requireNonNull(directory, "directory").map(KeysetDirectory::new);
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public TenantKeyset keyset(TenantId tenant) {
    Keyset current = current(tenant);
    if (current.hasKek()) {
      return current.tenantKeyset();
    }
    return change(tenant, "created the first key-encryption key of",
        k -> k.hasKek() ? k : k.withNewKek(random, clock.instant())).tenantKeyset();
  }

  @Override
  public Optional<SecretKey> keyEncryptionKey(TenantId tenant, int keyId) {
    return current(tenant).kek(keyId);
  }

  @Override
  public TenantKeyset rotate(TenantId tenant) {
    return change(tenant, "rotated the key-encryption keys of", k -> k.withNewKek(random, clock.instant())).tenantKeyset();
  }

  @Override
  public void destroyKey(TenantId tenant, int keyId) {
    change(tenant, "destroyed key " + keyId + " of", k -> k.withoutKek(keyId));
  }

  @Override
  public void destroy(TenantId tenant) {
    change(tenant, "crypto-shredded (destroyed every key-encryption and private signing key of)", Keyset::destroyed);
  }

  @Override
  public KeyPair signingKey(TenantId tenant) {
    Optional<KeyPair> current = current(tenant).currentSigningKey();
    if (current.isPresent()) {
      return current.get();
    }
    return change(tenant, "created a signing key for",
        k -> k.currentSigningKey().isPresent() ? k : k.withNewSigningKey(random, clock.instant()))
        .currentSigningKey().orElseThrow();
  }

  @Override
  public KeyPair rotateSigningKey(TenantId tenant) {
    return change(tenant, "rotated the signing key of", k -> k.withNewSigningKey(random, clock.instant()))
        .currentSigningKey().orElseThrow();
  }

  @Override
  public Optional<PublicKey> verificationKey(TenantId tenant, int keyId) {
    return current(tenant).signing().stream()
        .filter(s -> s.id() == keyId)
        .map(Keyset.SigningKey::publicKey)
        .findFirst();
  }

  @Override
  public List<PublicKey> verificationKeys(TenantId tenant) {
    return current(tenant).publicKeysNewestFirst();
  }

  /** The file of the tenant's keyset; for tests. */
  Path fileOf(TenantId tenant) {
    return directory.orElseThrow(() -> new IllegalStateException("keys are in memory only")).file(tenant);
  }

  /** The tenant's keyset as it is now, reloaded if its file changed; never creates keys. */
  private Keyset current(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    Cached cached = cache.get(tenant);
    if (directory.isEmpty()) {
      return cached == null ? Keyset.empty(tenant) : cached.keyset();
    }
    Optional<KeysetDirectory.Stamp> stamp = directory.get().stamp(tenant);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.keyset();
    }
    Cached fresh = directory.get().read(tenant)
        .map(l -> new Cached(l.keyset(), Optional.of(l.stamp())))
        .orElseGet(() -> new Cached(Keyset.empty(tenant), Optional.empty()));
    cache.put(tenant, fresh);
    return fresh.keyset();
  }

  /** Applies {@code change} to the tenant's latest keyset and stores the result if it differs. */
  private synchronized Keyset change(TenantId tenant, String what, UnaryOperator<Keyset> change) {
    requireNonNull(tenant, "tenant");
    if (directory.isEmpty()) {
      Cached cached = cache.get(tenant);
      Keyset before = cached == null ? Keyset.empty(tenant) : cached.keyset();
      Keyset after = change.apply(before);
      cache.put(tenant, new Cached(after, Optional.empty()));
      return after;
    }
    KeysetDirectory keys = directory.get();
    return keys.locked(() -> {
      Optional<KeysetDirectory.Loaded> loaded = keys.read(tenant);
      Keyset before = loaded.map(KeysetDirectory.Loaded::keyset).orElseGet(() -> Keyset.empty(tenant));
      Keyset after = change.apply(before);
      if (after == before) {
        cache.put(tenant, new Cached(before, loaded.map(KeysetDirectory.Loaded::stamp)));
        return before;
      }
      KeysetDirectory.Stamp stamp = keys.write(after);
      cache.put(tenant, new Cached(after, Optional.of(stamp)));
      LOG.info("Keys: {} tenant '{}', in {}", what, tenant, keys.file(tenant));
      return after;
    });
  }
}
