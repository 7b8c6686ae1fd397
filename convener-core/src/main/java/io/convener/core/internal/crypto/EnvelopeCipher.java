package io.convener.core.internal.crypto;

import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.PersonalDataCipher;
import io.convener.spi.keys.PersonalValue;
import io.convener.spi.keys.TenantKeyset;
import io.convener.spi.storage.SubjectKeyStore;
import io.convener.spi.storage.WrappedKey;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link PersonalDataCipher}: envelope encryption. Each member has a {@link DataKey}
 * of their own, kept in the {@link SubjectKeyStore} wrapped under the tenant's primary
 * key-encryption key from the {@link KeyProvider} ({@link KeyWrapping}); personal values are sealed
 * with AES-256-GCM under it and digested with HMAC-SHA-256 ({@link SealedValues}).
 *
 * <p>Reading tells a shredded value from a tampered one: a ciphertext whose data key the member
 * no longer has (deleted, or replaced by a newer key after an erasure), or whose wrapping key was
 * destroyed, reads as empty; a ciphertext or wrapped key that fails authentication throws {@link
 * IntegrityException}. Key ids are never reused, so the first case is never a stale key that could
 * fail the second way.
 *
 * <p>Each call reads the member keys it needs in one store lookup and creates missing ones in one
 * store transaction. A member whose stored key can no longer be unwrapped (its wrapping key was
 * destroyed) gets a new key on the next write. Keys are not cached between calls, so a shred takes
 * effect at once in every process that shares the store. Thread-safe and stateless.
 */
public final class EnvelopeCipher implements PersonalDataCipher {
  /** How many keys {@link #rewrap} reads per page. */
  static final int REWRAP_PAGE = 500;

  private final KeyProvider keys;
  private final SubjectKeyStore store;
  private final SecureRandom random = new SecureRandom();

  @Inject
  EnvelopeCipher(KeyProvider keys, SubjectKeyStore store) {
    this.keys = requireNonNull(keys, "keys");
    this.store = requireNonNull(store, "store");
  }

  /** A cipher over these keys and this store, for wiring without Guice. */
  public static EnvelopeCipher of(KeyProvider keys, SubjectKeyStore store) {
    return new EnvelopeCipher(keys, store);
  }

  @Override
  public List<String> encryptAll(TenantId tenant, List<PersonalValue> plaintexts) {
    requireNonNull(tenant, "tenant");
    requireNonNull(plaintexts, "plaintexts");
    if (plaintexts.isEmpty()) {
      return List.of();
    }
    Map<MemberId, DataKey> dataKeys = keysForWriting(tenant, subjects(plaintexts));
    List<String> ciphertexts = new ArrayList<>(plaintexts.size());
    for (PersonalValue v : plaintexts) {
      ciphertexts.add(SealedValues.seal(tenant, v, dataKeys.get(v.subject())));
    }
    return List.copyOf(ciphertexts);
  }

  @Override
  public List<Optional<String>> decryptAll(TenantId tenant, List<PersonalValue> ciphertexts) {
    requireNonNull(tenant, "tenant");
    requireNonNull(ciphertexts, "ciphertexts");
    if (ciphertexts.isEmpty()) {
      return List.of();
    }
    List<SealedValues.Parsed> parsed = new ArrayList<>(ciphertexts.size());
    for (PersonalValue v : ciphertexts) {
      parsed.add(SealedValues.parse(tenant, v));
    }
    Unwrapper unwrapper = new Unwrapper(tenant, store.find(tenant, subjects(ciphertexts)));
    List<Optional<String>> plaintexts = new ArrayList<>(ciphertexts.size());
    for (int i = 0; i < ciphertexts.size(); i++) {
      PersonalValue v = ciphertexts.get(i);
      SealedValues.Parsed p = parsed.get(i);
      plaintexts.add(unwrapper.current(v.subject(), p.keyId()).map(key -> SealedValues.open(tenant, v, p, key)));
    }
    return List.copyOf(plaintexts);
  }

  @Override
  public String digest(TenantId tenant, PersonalValue plaintext) {
    requireNonNull(tenant, "tenant");
    requireNonNull(plaintext, "plaintext");
    DataKey key = keysForWriting(tenant, Set.of(plaintext.subject())).get(plaintext.subject());
    return SealedValues.digest(tenant, plaintext, key);
  }

  @Override
  public boolean matchesDigest(TenantId tenant, PersonalValue plaintext, String digest) {
    requireNonNull(tenant, "tenant");
    requireNonNull(plaintext, "plaintext");
    requireNonNull(digest, "digest");
    long keyId = SealedValues.digestKeyId(plaintext, digest);
    Unwrapper unwrapper = new Unwrapper(tenant, store.find(tenant, List.of(plaintext.subject())));
    return unwrapper.current(plaintext.subject(), keyId)
        .map(key -> SealedValues.matches(tenant, plaintext, digest, key))
        .orElse(false);
  }

  @Override
  public boolean shred(TenantId tenant, MemberId subject) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    return store.delete(tenant, subject);
  }

  @Override
  public void shredTenant(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    // The keys first: once they are gone, nothing wrapped under them can be read, whatever follows.
    keys.destroy(tenant);
    store.deleteAll(tenant);
  }

  @Override
  public int rewrap(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    TenantKeyset keyset = keys.keyset(tenant);
    Unwrapper unwrapper = new Unwrapper(tenant, Map.of());
    int rewrapped = 0;
    Optional<MemberId> after = Optional.empty();
    while (true) {
      List<WrappedKey> page = store.page(tenant, after, REWRAP_PAGE);
      if (page.isEmpty()) {
        return rewrapped;
      }
      List<WrappedKey> updates = new ArrayList<>();
      for (WrappedKey wrapped : page) {
        if (wrapped.wrappingKeyId() != keyset.primaryKeyId()) {
          unwrapper.unwrap(wrapped).ifPresent(key -> updates.add(
              KeyWrapping.wrap(tenant, wrapped.subject(), key, keyset.primaryKeyId(), keyset.primary())));
        }
      }
      rewrapped += store.updateWrapping(tenant, updates);
      after = Optional.of(page.get(page.size() - 1).subject());
    }
  }

  /**
   * The data key of each subject, unwrapping stored keys and creating the missing ones (and those
   * whose wrapping key was destroyed) in one store transaction.
   */
  private Map<MemberId, DataKey> keysForWriting(TenantId tenant, Set<MemberId> subjects) {
    Map<MemberId, WrappedKey> stored = store.find(tenant, subjects);
    Unwrapper unwrapper = new Unwrapper(tenant, stored);
    Map<MemberId, DataKey> result = new HashMap<>();
    Map<MemberId, DataKey> created = new HashMap<>();
    List<WrappedKey> toStore = new ArrayList<>();
    @Nullable TenantKeyset keyset = null;
    for (MemberId subject : subjects) {
      WrappedKey existing = stored.get(subject);
      if (existing != null) {
        Optional<DataKey> key = unwrapper.unwrap(existing);
        if (key.isPresent()) {
          result.put(subject, key.get());
          continue;
        }
        // Its wrapping key was destroyed: the member is shredded, and starts over with a new key.
        store.delete(tenant, subject, existing.keyId());
      }
      if (keyset == null) {
        keyset = keys.keyset(tenant);
      }
      DataKey key = DataKey.generate(random);
      created.put(subject, key);
      toStore.add(KeyWrapping.wrap(tenant, subject, key, keyset.primaryKeyId(), keyset.primary()));
    }
    if (!toStore.isEmpty()) {
      store.insertIfAbsent(tenant, toStore).forEach((subject, winner) -> {
        DataKey ours = created.get(subject);
        if (ours != null && winner.keyId() == ours.id()) {
          result.put(subject, ours);
        } else {
          // A concurrent writer stored a key for this member first: use theirs.
          result.put(subject, unwrapper.unwrap(winner).orElseThrow(() -> new IntegrityException(
              "the data key another writer just stored for member '" + subject + "' cannot be unwrapped")));
        }
      });
    }
    return result;
  }

  private static Set<MemberId> subjects(List<PersonalValue> values) {
    Set<MemberId> subjects = new LinkedHashSet<>();
    values.forEach(v -> subjects.add(v.subject()));
    return subjects;
  }

  /** Unwraps stored keys for one call, looking each key-encryption key and data key up once. */
  private final class Unwrapper {
    private final TenantId tenant;
    private final Map<MemberId, WrappedKey> stored;
    private final Map<Integer, Optional<SecretKey>> keks = new HashMap<>();
    private final Map<MemberId, Optional<DataKey>> unwrapped = new HashMap<>();

    Unwrapper(TenantId tenant, Map<MemberId, WrappedKey> stored) {
      this.tenant = tenant;
      this.stored = stored;
    }

    /** The member's stored data key if it is the one with this id and can still be unwrapped. */
    Optional<DataKey> current(MemberId subject, long keyId) {
      WrappedKey wrapped = stored.get(subject);
      if (wrapped == null || wrapped.keyId() != keyId) {
        return Optional.empty();
      }
      return unwrapped.computeIfAbsent(subject, s -> unwrap(wrapped));
    }

    /** The data key, or empty when the key-encryption key that wrapped it was destroyed. */
    Optional<DataKey> unwrap(WrappedKey wrapped) {
      int kekId = KeyWrapping.kekId(wrapped);
      Optional<SecretKey> kek = keks.computeIfAbsent(kekId, id -> keys.keyEncryptionKey(tenant, id));
      return kek.map(k -> KeyWrapping.unwrap(tenant, wrapped, k));
    }
  }
}
