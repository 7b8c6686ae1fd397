package io.convener.testing.keys;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyProvider} that keeps every key in memory, for tests: real AES-256 and Ed25519 keys
 * from a {@link SecureRandom}, with the full contract (rotation, destroying one key, destroying a
 * tenant, key ids never reused), gone when the object is. Thread-safe: every method is
 * synchronized.
 */
public final class InMemoryKeyProvider implements KeyProvider {
  private final SecureRandom random = new SecureRandom();
  private final Map<TenantId, Keys> tenants = new HashMap<>();

  /** A provider without keys. */
  public InMemoryKeyProvider() {}

  /** One tenant's keys. */
  private static final class Keys {
    final Set<Integer> issued = new HashSet<>();
    final Map<Integer, SecretKey> keks = new LinkedHashMap<>();
    int primary;
    /** Key pairs, the current one last; destroyed private keys leave only the public key. */
    final List<PublicKey> publicKeys = new ArrayList<>();
    Optional<KeyPair> signing = Optional.empty();
  }

  @Override
  public synchronized TenantKeyset keyset(TenantId tenant) {
    Keys keys = keys(tenant);
    if (keys.keks.isEmpty()) {
      addKek(keys);
    }
    return new TenantKeyset(keys.primary, keys.keks);
  }

  @Override
  public synchronized Optional<SecretKey> keyEncryptionKey(TenantId tenant, int keyId) {
    requireNonNull(tenant, "tenant");
    Keys keys = tenants.get(tenant);
    return keys == null ? Optional.empty() : Optional.ofNullable(keys.keks.get(keyId));
  }

  @Override
  public synchronized TenantKeyset rotate(TenantId tenant) {
    Keys keys = keys(tenant);
    addKek(keys);
    return new TenantKeyset(keys.primary, keys.keks);
  }

  @Override
  public synchronized void destroyKey(TenantId tenant, int keyId) {
    Keys keys = keys(tenant);
    if (keys.keks.containsKey(keyId) && keys.primary == keyId) {
      throw new IllegalArgumentException("key " + keyId + " is the primary key of tenant " + tenant + ": rotate first");
    }
    keys.keks.remove(keyId);
  }

  @Override
  public synchronized void destroy(TenantId tenant) {
    Keys keys = keys(tenant);
    keys.keks.clear();
    keys.signing = Optional.empty();
  }

  @Override
  public synchronized KeyPair signingKey(TenantId tenant) {
    Keys keys = keys(tenant);
    return keys.signing.isPresent() ? keys.signing.get() : addSigningKey(keys);
  }

  @Override
  public synchronized KeyPair rotateSigningKey(TenantId tenant) {
    return addSigningKey(keys(tenant));
  }

  @Override
  public synchronized Optional<PublicKey> verificationKey(TenantId tenant, int keyId) {
    return verificationKeys(tenant).stream().filter(k -> KeyProvider.signingKeyId(k) == keyId).findFirst();
  }

  @Override
  public synchronized List<PublicKey> verificationKeys(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    Keys keys = tenants.get(tenant);
    if (keys == null) {
      return List.of();
    }
    List<PublicKey> newestFirst = new ArrayList<>(keys.publicKeys);
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  private Keys keys(TenantId tenant) {
    return tenants.computeIfAbsent(requireNonNull(tenant, "tenant"), t -> new Keys());
  }

  private void addKek(Keys keys) {
    int id;
    do {
      id = random.nextInt();
    } while (!keys.issued.add(id));
    byte[] material = new byte[TenantKeyset.KEY_BYTES];
    random.nextBytes(material);
    keys.keks.put(id, new SecretKeySpec(material, "AES"));
    keys.primary = id;
  }

  private KeyPair addSigningKey(Keys keys) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      keys.publicKeys.add(pair.getPublic());
      keys.signing = Optional.of(pair);
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
    }
  }
}
