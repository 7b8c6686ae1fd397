package io.convener.core.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.core.internal.crypto.AesGcm;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Seals kept results under the tenant's primary key-encryption key from the {@link KeyProvider}:
 * {@code kekId[4] || nonce[12] || ciphertext || tag[16]}, AES-256-GCM with associated data that
 * binds the label {@code kept1} (which no key wrapping uses), the tenant, the key's scope and the
 * KEK id, so a sealed result moved to another tenant or key fails authentication. Destroying the
 * tenant's keys ({@link KeyProvider#destroy}, a tenant crypto-shred) or the KEK makes every result
 * sealed under it unreadable: {@link #open} then returns empty. Stateless and thread-safe.
 */
final class KeptSeal {
  private static final int KEK_ID_BYTES = Integer.BYTES;

  private final KeyProvider keys;

  @Inject
  KeptSeal(KeyProvider keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** The sealed bytes of {@code plaintext}, for the key of {@code scope} in {@code tenant}. */
  byte[] seal(TenantId tenant, String scope, byte[] plaintext) {
    TenantKeyset keyset = keys.keyset(tenant);
    byte[] sealed = AesGcm.seal(keyset.primary(), plaintext, binding(tenant, scope, keyset.primaryKeyId()));
    return ByteBuffer.allocate(KEK_ID_BYTES + sealed.length).putInt(keyset.primaryKeyId()).put(sealed).array();
  }

  /**
   * The plaintext of what {@link #seal} made, or empty when the key it was sealed under is gone.
   *
   * @throws IntegrityException when the bytes were altered or sealed for another tenant or scope
   */
  Optional<byte[]> open(TenantId tenant, String scope, byte[] sealed) {
    if (sealed.length < KEK_ID_BYTES) {
      throw new IntegrityException("a kept result is too short to be sealed");
    }
    int kekId = ByteBuffer.wrap(sealed).getInt();
    Optional<SecretKey> kek = keys.keyEncryptionKey(tenant, kekId);
    byte[] body = Arrays.copyOfRange(sealed, KEK_ID_BYTES, sealed.length);
    return kek.map(k -> AesGcm.open(k, body, binding(tenant, scope, kekId)));
  }

  private static byte[] binding(TenantId tenant, String scope, int kekId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write("kept1".getBytes(UTF_8));
      out.writeUTF(tenant.value());
      out.writeUTF(scope);
      out.writeInt(kekId);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
