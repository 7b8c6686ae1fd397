package io.convener.core.internal.crypto;

import io.convener.api.IntegrityException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.storage.WrappedKey;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * Wraps a member's {@link DataKey} under one of the tenant's key-encryption keys (KEKs) and back.
 * The text is {@code wk1:} + URL-safe Base64 without padding of {@code kekId[4] || nonce[12] ||
 * AES-256-GCM(material[64]) || tag[16]} (128 characters after the prefix), with associated data
 * binding {@code "wk1"}, the tenant, the member, the data key's id and the KEK's id: a wrapped key
 * copied to another member or tenant, or with its ids changed, does not unwrap. Stateless and
 * thread-safe.
 */
final class KeyWrapping {
  static final String PREFIX = "wk1:";

  private static final int SEALED_BYTES = AesGcm.NONCE_BYTES + DataKey.MATERIAL_BYTES + AesGcm.TAG_BYTES;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private KeyWrapping() {}

  /** The data key wrapped under the KEK with this id, as a store keeps it. */
  static WrappedKey wrap(TenantId tenant, MemberId subject, DataKey key, int kekId, SecretKey kek) {
    byte[] material = key.material();
    try {
      byte[] sealed = AesGcm.seal(kek, material, binding(tenant, subject, key.id(), kekId));
      byte[] bytes = ByteBuffer.allocate(Integer.BYTES + sealed.length).putInt(kekId).put(sealed).array();
      return new WrappedKey(subject, key.id(), kekId, PREFIX + ENCODER.encodeToString(bytes));
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * The id of the KEK that wrapped the key, read from the wrapped text.
   *
   * @throws IntegrityException when the text is not a wrapped key of this format, or names
   *     another KEK than the store's {@code wrappingKeyId} column
   */
  static int kekId(WrappedKey wrapped) {
    byte[] bytes = decode(wrapped);
    int kekId = ByteBuffer.wrap(bytes).getInt();
    if (kekId != wrapped.wrappingKeyId()) {
      throw new IntegrityException("the wrapped key of member '" + wrapped.subject()
          + "' names another key-encryption key than its row");
    }
    return kekId;
  }

  /**
   * The data key, unwrapped with the KEK whose id {@link #kekId} read.
   *
   * @throws IntegrityException when the wrapped key was altered or belongs to another member,
   *     tenant or key id
   */
  static DataKey unwrap(TenantId tenant, WrappedKey wrapped, SecretKey kek) {
    byte[] bytes = decode(wrapped);
    int kekId = ByteBuffer.wrap(bytes).getInt();
    byte[] sealed = Arrays.copyOfRange(bytes, Integer.BYTES, bytes.length);
    byte[] material;
    try {
      material = AesGcm.open(kek, sealed, binding(tenant, wrapped.subject(), wrapped.keyId(), kekId));
    } catch (IntegrityException e) {
      throw new IntegrityException("the wrapped data key of member '" + wrapped.subject()
          + "' failed authentication: altered, or moved from another member or tenant", e);
    }
    try {
      return DataKey.fromMaterial(wrapped.keyId(), material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  private static byte[] binding(TenantId tenant, MemberId subject, long keyId, int kekId) {
    return Binding.of("wk1").text(tenant.value()).text(subject.value()).number(keyId).number(kekId).toBytes();
  }

  private static byte[] decode(WrappedKey wrapped) {
    String text = wrapped.wrapped();
    byte[] bytes;
    try {
      bytes = text.startsWith(PREFIX) ? Base64.getUrlDecoder().decode(text.substring(PREFIX.length())) : new byte[0];
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != Integer.BYTES + SEALED_BYTES) {
      throw new IntegrityException("the stored key of member '" + wrapped.subject() + "' is not a wrapped key Convener made");
    }
    return bytes;
  }
}
