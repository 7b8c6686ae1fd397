package io.convener.core.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.core.internal.provenance.CheckpointKeys;
import io.convener.core.internal.provenance.SigningKey;
import io.convener.spi.storage.ProvenanceStore;
import io.convener.spi.storage.StoredSigningKey;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The default {@link CheckpointKeys}: on a tenant's first checkpoint, generates an Ed25519 key pair
 * with the JDK and keeps it in the provenance store under the name {@code convener-<tenant>}; two
 * processes that race keep the first one saved. Keys are cached in memory once read. The private
 * key is stored unencrypted, beside the log it signs: a stand-in until the {@code KeyProvider}
 * holds the key elsewhere. Thread-safe.
 */
final class StoredCheckpointKeys implements CheckpointKeys {
  private final ProvenanceStore store;
  private final Map<TenantId, SigningKey> cache = new ConcurrentHashMap<>();

  @Inject
  StoredCheckpointKeys(ProvenanceStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public SigningKey signingKey(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    SigningKey cached = cache.get(tenant);
    if (cached != null) {
      return cached;
    }
    StoredSigningKey stored = store.signingKey(tenant).orElseGet(() -> store.saveSigningKey(tenant, generate(tenant)));
    SigningKey key = decode(stored);
    cache.put(tenant, key);
    return key;
  }

  private static StoredSigningKey generate(TenantId tenant) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Base64.Encoder b64 = Base64.getEncoder();
      return new StoredSigningKey("convener-" + tenant.value(),
          b64.encodeToString(pair.getPrivate().getEncoded()), b64.encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519 (Java 15 or later has)", e);
    }
  }

  private static SigningKey decode(StoredSigningKey stored) {
    try {
      KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
      Base64.Decoder b64 = Base64.getDecoder();
      KeyPair pair = new KeyPair(
          ed25519.generatePublic(new X509EncodedKeySpec(b64.decode(stored.publicKey()))),
          ed25519.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(stored.privateKey()))));
      return new SigningKey(stored.keyName(), pair);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the stored checkpoint signing key cannot be read", e);
    }
  }
}
