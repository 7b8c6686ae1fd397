package io.convener.core.keys;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Everything a tenant's keyset file holds, as an immutable value: the key-encryption keys with
 * the primary, the ids of destroyed ones (so that no id is issued twice), and the signing keys,
 * oldest first, each with its private key until the tenant is destroyed. Each change returns a
 * new keyset, or this one when nothing changes. Thread-safe; {@link #toString()} shows ids only.
 *
 * @param tenant whose keys these are
 * @param keks the key-encryption keys, oldest first
 * @param primary the primary key-encryption key's id; empty when there are none
 * @param destroyedKekIds ids of key-encryption keys that were destroyed
 * @param signing the signing keys, oldest first; the last is current if it has its private key
 */
record Keyset(
    TenantId tenant, List<Kek> keks, OptionalInt primary, Set<Integer> destroyedKekIds, List<SigningKey> signing) {

  /**
   * A key-encryption key.
   *
   * @param id unique in the tenant
   * @param created when it was made
   * @param key the AES-256 key
   */
  record Kek(int id, Instant created, SecretKey key) {
    @Override
    public String toString() {
      return "Kek[id=" + id + ", created=" + created + "]";
    }
  }

  /**
   * An Ed25519 signing key.
   *
   * @param created when it was made
   * @param publicKey the public key, kept for good
   * @param privateKey the private key; empty once destroyed
   */
  record SigningKey(Instant created, PublicKey publicKey, Optional<PrivateKey> privateKey) {
    /** The provider-independent key id. */
    int id() {
      return KeyProvider.signingKeyId(publicKey);
    }

    @Override
    public String toString() {
      return "SigningKey[id=" + id() + ", created=" + created + ", private=" + privateKey.isPresent() + "]";
    }
  }

  /** Validates and copies. */
  Keyset {
    requireNonNull(tenant, "tenant");
    keks = List.copyOf(keks);
    requireNonNull(primary, "primary");
    destroyedKekIds = Collections.unmodifiableSet(new TreeSet<>(destroyedKekIds));
    signing = List.copyOf(signing);
    if (keks.isEmpty() != primary.isEmpty()
        || primary.isPresent() && keks.stream().noneMatch(k -> k.id() == primary.getAsInt())) {
      throw new IllegalArgumentException("the primary key " + primary + " is not among the keys of tenant " + tenant);
    }
    Set<Integer> ids = new TreeSet<>(destroyedKekIds);
    for (Kek k : keks) {
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("key id " + k.id() + " appears twice in the keyset of tenant " + tenant);
      }
    }
  }

  /** A tenant without keys. */
  static Keyset empty(TenantId tenant) {
    return new Keyset(tenant, List.of(), OptionalInt.empty(), Set.of(), List.of());
  }

  /** Whether the tenant has a key-encryption key. */
  boolean hasKek() {
    return primary.isPresent();
  }

  /** The key-encryption keys as the SPI hands them out; the tenant must have one. */
  TenantKeyset tenantKeyset() {
    Map<Integer, SecretKey> byId = new LinkedHashMap<>();
    keks.forEach(k -> byId.put(k.id(), k.key()));
    return new TenantKeyset(primary.orElseThrow(), byId);
  }

  /** The key-encryption key with this id, if the tenant has it. */
  Optional<SecretKey> kek(int id) {
    return keks.stream().filter(k -> k.id() == id).map(Kek::key).findFirst();
  }

  /** The current signing key pair, if there is one with its private key. */
  Optional<KeyPair> currentSigningKey() {
    if (signing.isEmpty()) {
      return Optional.empty();
    }
    SigningKey last = signing.get(signing.size() - 1);
    return last.privateKey().map(p -> new KeyPair(last.publicKey(), p));
  }

  /** Every public signing key, newest first. */
  List<PublicKey> publicKeysNewestFirst() {
    List<PublicKey> keys = new ArrayList<>();
    for (int i = signing.size() - 1; i >= 0; i--) {
      keys.add(signing.get(i).publicKey());
    }
    return List.copyOf(keys);
  }

  /** With a new AES-256 key-encryption key, under an id never issued in the tenant, as primary. */
  Keyset withNewKek(SecureRandom random, Instant now) {
    Set<Integer> issued = new TreeSet<>(destroyedKekIds);
    keks.forEach(k -> issued.add(k.id()));
    int id;
    do {
      id = random.nextInt();
    } while (issued.contains(id));
    byte[] material = new byte[TenantKeyset.KEY_BYTES];
    random.nextBytes(material);
    List<Kek> more = new ArrayList<>(keks);
    more.add(new Kek(id, now, new SecretKeySpec(material, "AES")));
    Arrays.fill(material, (byte) 0);
    return new Keyset(tenant, more, OptionalInt.of(id), destroyedKekIds, signing);
  }

  /**
   * Without the key-encryption key with this id.
   *
   * @throws IllegalArgumentException when it is the primary key
   */
  Keyset withoutKek(int id) {
    if (primary.isPresent() && primary.getAsInt() == id) {
      throw new IllegalArgumentException("key " + id + " is the primary key of tenant " + tenant + ": rotate first");
    }
    if (kek(id).isEmpty()) {
      return this;
    }
    Set<Integer> destroyed = new TreeSet<>(destroyedKekIds);
    destroyed.add(id);
    return new Keyset(tenant, keks.stream().filter(k -> k.id() != id).toList(), primary, destroyed, signing);
  }

  /** Without any key-encryption key or private signing key: crypto-shredded. */
  Keyset destroyed() {
    if (keks.isEmpty() && signing.stream().allMatch(s -> s.privateKey().isEmpty())) {
      return this;
    }
    Set<Integer> destroyed = new TreeSet<>(destroyedKekIds);
    keks.forEach(k -> destroyed.add(k.id()));
    List<SigningKey> publicOnly =
        signing.stream().map(s -> new SigningKey(s.created(), s.publicKey(), Optional.empty())).toList();
    return new Keyset(tenant, List.of(), OptionalInt.empty(), destroyed, publicOnly);
  }

  /** With a new Ed25519 signing key, under an id no earlier signing key of the tenant has, as current. */
  Keyset withNewSigningKey(SecureRandom random, Instant now) {
    Set<Integer> ids = new TreeSet<>();
    signing.forEach(s -> ids.add(s.id()));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair;
      do {
        pair = generator.generateKeyPair();
      } while (ids.contains(KeyProvider.signingKeyId(pair.getPublic())));
      List<SigningKey> more = new ArrayList<>(signing);
      more.add(new SigningKey(now, pair.getPublic(), Optional.of(pair.getPrivate())));
      return new Keyset(tenant, keks, primary, destroyedKekIds, more);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
    }
  }

  @Override
  public String toString() {
    return "Keyset[tenant=" + tenant + ", keks=" + keks + ", primary=" + primary + ", destroyed=" + destroyedKekIds
        + ", signing=" + signing + "]";
  }
}
