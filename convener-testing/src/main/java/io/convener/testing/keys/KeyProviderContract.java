package io.convener.testing.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KeyProvider}: every implementation extends this class once per
 * configuration and supplies {@link #newProvider()}. Providers that keep keys durably also
 * override {@link #reopen}, and the contract then checks that every change survives a restart.
 *
 * <p>Covered: keys are created on first use, once, also under concurrent first calls; lookups never
 * create keys; rotation adds a new primary and keeps the old keys with their material; one
 * non-primary key can be destroyed, the primary cannot; destroying a tenant removes its
 * key-encryption and private signing keys but keeps its public keys, and a restart gets new keys
 * under ids never issued before; signing keys sign and verify, and rotate; tenants never share or
 * affect each other's keys.
 */
public abstract class KeyProviderContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected KeyProviderContract() {}

  /** A provider without any keys yet. */
  protected abstract KeyProvider newProvider() throws Exception;

  /**
   * A new provider over the same durable keys as {@code provider}, as after a restart; empty for a
   * provider whose keys live only in memory (the default).
   */
  protected Optional<KeyProvider> reopen(KeyProvider provider) throws Exception {
    return Optional.empty();
  }

  /** The provider as it is, and after a restart if it keeps keys durably. */
  private List<KeyProvider> nowAndAfterRestart(KeyProvider provider) throws Exception {
    List<KeyProvider> views = new ArrayList<>();
    views.add(provider);
    reopen(provider).ifPresent(views::add);
    return views;
  }

  @Test
  void keysAreCreatedOnFirstUseOnceAndLookupsNeverCreateThem() throws Exception {
    KeyProvider keys = newProvider();
    assertThat(keys.keyEncryptionKey(ACME, 1)).isEmpty();
    assertThat(keys.verificationKeys(ACME)).isEmpty();

    TenantKeyset keyset = keys.keyset(ACME);

    assertThat(keyset.keys()).containsOnlyKeys(keyset.primaryKeyId());
    assertThat(keyset.primary().getEncoded()).hasSize(32);
    for (KeyProvider view : nowAndAfterRestart(keys)) {
      assertSameKeys(view.keyset(ACME), keyset);
      assertThat(view.keyEncryptionKey(ACME, keyset.primaryKeyId()).orElseThrow().getEncoded())
          .isEqualTo(keyset.primary().getEncoded());
      assertThat(view.keyEncryptionKey(ACME, keyset.primaryKeyId() + 1)).isEmpty();
      assertThat(view.keyEncryptionKey(GLOBEX, keyset.primaryKeyId())).isEmpty();
    }
  }

  @Test
  void concurrentFirstCallsCreateOneKeyset() throws Exception {
    KeyProvider keys = newProvider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<TenantKeyset>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> keys.keyset(ACME));
      }
      Set<Integer> primaries = new HashSet<>();
      for (Future<TenantKeyset> f : pool.invokeAll(calls)) {
        primaries.add(f.get().primaryKeyId());
      }
      assertThat(primaries).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(keys.keyset(ACME).keys()).hasSize(1);
  }

  @Test
  void rotationAddsANewPrimaryAndKeepsTheOldKeys() throws Exception {
    KeyProvider keys = newProvider();
    TenantKeyset before = keys.keyset(ACME);

    TenantKeyset after = keys.rotate(ACME);
    TenantKeyset again = keys.rotate(ACME);

    assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
    assertThat(again.keys()).hasSize(3);
    assertThat(again.key(before.primaryKeyId()).orElseThrow().getEncoded()).isEqualTo(before.primary().getEncoded());
    assertThat(again.key(after.primaryKeyId()).orElseThrow().getEncoded()).isEqualTo(after.primary().getEncoded());
    assertThat(again.primary().getEncoded()).isNotEqualTo(after.primary().getEncoded());
    for (KeyProvider view : nowAndAfterRestart(keys)) {
      assertSameKeys(view.keyset(ACME), again);
    }
  }

  @Test
  void oneRetiredKeyCanBeDestroyedButNotThePrimary() throws Exception {
    KeyProvider keys = newProvider();
    int old = keys.keyset(ACME).primaryKeyId();
    TenantKeyset rotated = keys.rotate(ACME);

    assertThatThrownBy(() -> keys.destroyKey(ACME, rotated.primaryKeyId()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary");
    keys.destroyKey(ACME, old);
    keys.destroyKey(ACME, old);
    keys.destroyKey(ACME, 12345);

    for (KeyProvider view : nowAndAfterRestart(keys)) {
      assertThat(view.keyEncryptionKey(ACME, old)).isEmpty();
      assertSameKeys(view.keyset(ACME), new TenantKeyset(rotated.primaryKeyId(),
          Map.of(rotated.primaryKeyId(), rotated.primary())));
    }
  }

  @Test
  void destroyingATenantKeepsOnlyItsPublicKeysAndNewKeysGetNewIds() throws Exception {
    KeyProvider keys = newProvider();
    Set<Integer> issued = new HashSet<>(keys.keyset(ACME).keys().keySet());
    issued.addAll(keys.rotate(ACME).keys().keySet());
    KeyPair signing = keys.signingKey(ACME);
    int signingId = KeyProvider.signingKeyId(signing.getPublic());
    TenantKeyset globex = keys.keyset(GLOBEX);

    keys.destroy(ACME);
    keys.destroy(ACME);

    for (KeyProvider view : nowAndAfterRestart(keys)) {
      for (int id : issued) {
        assertThat(view.keyEncryptionKey(ACME, id)).as("destroyed key " + id).isEmpty();
      }
      assertThat(view.verificationKey(ACME, signingId)).contains(signing.getPublic());
      assertSameKeys(view.keyset(GLOBEX), globex);
    }
    TenantKeyset fresh = keys.keyset(ACME);
    assertThat(fresh.keys().keySet()).doesNotContainAnyElementsOf(issued);
    KeyPair newSigning = keys.signingKey(ACME);
    assertThat(newSigning.getPublic()).isNotEqualTo(signing.getPublic());
    assertThat(keys.verificationKeys(ACME)).containsExactly(newSigning.getPublic(), signing.getPublic());
  }

  @Test
  void signingKeysSignVerifyAndRotate() throws Exception {
    KeyProvider keys = newProvider();
    KeyPair first = keys.signingKey(ACME);
    assertThat(keys.signingKey(ACME).getPublic()).isEqualTo(first.getPublic());
    byte[] signature = sign(first, "checkpoint 1");

    KeyPair second = keys.rotateSigningKey(ACME);

    assertThat(second.getPublic()).isNotEqualTo(first.getPublic());
    for (KeyProvider view : nowAndAfterRestart(keys)) {
      assertThat(view.signingKey(ACME).getPublic()).isEqualTo(second.getPublic());
      assertThat(view.verificationKeys(ACME)).containsExactly(second.getPublic(), first.getPublic());
      PublicKey old = view.verificationKey(ACME, KeyProvider.signingKeyId(first.getPublic())).orElseThrow();
      assertThat(verify(old, "checkpoint 1", signature)).isTrue();
      assertThat(verify(old, "checkpoint 2", signature)).isFalse();
      assertThat(verify(view.signingKey(ACME).getPublic(), "checkpoint 1", sign(view.signingKey(ACME), "checkpoint 1")))
          .isTrue();
      assertThat(view.verificationKey(GLOBEX, KeyProvider.signingKeyId(first.getPublic()))).isEmpty();
    }
  }

  @Test
  void tenantsNeverShareOrAffectEachOthersKeys() throws Exception {
    KeyProvider keys = newProvider();
    TenantKeyset acme = keys.keyset(ACME);
    TenantKeyset globex = keys.keyset(GLOBEX);
    KeyPair acmeSigning = keys.signingKey(ACME);

    assertThat(globex.primary().getEncoded()).isNotEqualTo(acme.primary().getEncoded());
    assertThat(keys.signingKey(GLOBEX).getPublic()).isNotEqualTo(acmeSigning.getPublic());
    keys.rotate(GLOBEX);
    keys.rotateSigningKey(GLOBEX);
    keys.destroy(GLOBEX);

    assertSameKeys(keys.keyset(ACME), acme);
    assertThat(keys.signingKey(ACME).getPublic()).isEqualTo(acmeSigning.getPublic());
    assertThat(keys.verificationKeys(ACME)).containsExactly(acmeSigning.getPublic());
  }

  private static void assertSameKeys(TenantKeyset actual, TenantKeyset expected) {
    assertThat(actual.primaryKeyId()).isEqualTo(expected.primaryKeyId());
    assertThat(actual.keys()).containsOnlyKeys(expected.keys().keySet());
    expected.keys().forEach((id, key) -> assertThat(material(actual.key(id).orElseThrow()))
        .as("key " + id).isEqualTo(material(key)));
  }

  private static byte[] material(SecretKey key) {
    return key.getEncoded();
  }

  private static byte[] sign(KeyPair pair, String message) throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(pair.getPrivate());
    s.update(message.getBytes(UTF_8));
    return s.sign();
  }

  private static boolean verify(PublicKey key, String message, byte[] signature) throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(key);
    s.update(message.getBytes(UTF_8));
    return s.verify(signature);
  }
}
