package io.convener.core.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals the HMAC secrets of checkpoint webhooks for the store: AES-256-GCM under the tenant's
 * primary key-encryption key from the {@link KeyProvider}, bound (as associated data) to the tenant
 * and the webhook id, so a sealed secret copied to another row or tenant does not open. Text form
 * {@code v1.<key id>.<base64url(iv | ciphertext)>}. A secret sealed under a key that was since
 * destroyed (the tenant was crypto-shredded) no longer opens. Thread-safe.
 */
final class WebhookSecrets {
  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int SECRET_BYTES = 32;
  private final KeyProvider keys;
  private final SecureRandom random = new SecureRandom();

  @Inject
  WebhookSecrets(KeyProvider keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** A new random secret: 64 lower-case hex digits, whose UTF-8 bytes are the HMAC key. */
  String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Seals {@code secret} for the tenant's webhook {@code id}. */
  String seal(TenantId tenant, String id, String secret) {
    TenantKeyset keyset = keys.keyset(tenant);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keyset.primary(), iv, tenant, id, secret.getBytes(UTF_8));
    byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    return VERSION + "." + keyset.primaryKeyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * Opens a sealed secret.
   *
   * @throws IntegrityException when it was altered, moved, or its key is gone
   */
  String open(TenantId tenant, String id, String sealed) {
    String[] parts = sealed.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("-?[0-9]{1,10}")) {
      throw new IntegrityException("the secret of checkpoint webhook " + id + " is not a sealed secret");
    }
    SecretKey key = keys.keyEncryptionKey(tenant, Integer.parseInt(parts[1])).orElseThrow(() ->
        new IntegrityException("the key that sealed the secret of checkpoint webhook " + id + " is gone"));
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IntegrityException("the secret of checkpoint webhook " + id + " is not a sealed secret");
    }
    if (all.length <= IV_BYTES) {
      throw new IntegrityException("the secret of checkpoint webhook " + id + " is not a sealed secret");
    }
    byte[] iv = Arrays.copyOf(all, IV_BYTES);
    byte[] body = Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(crypt(Cipher.DECRYPT_MODE, key, iv, tenant, id, body), UTF_8);
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] iv, TenantId tenant, String id, byte[] in) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(("convener-checkpoint-webhook\0" + tenant.value() + "\0" + id).getBytes(UTF_8));
      return cipher.doFinal(in);
    } catch (AEADBadTagException e) {
      throw new IntegrityException("the secret of checkpoint webhook " + id + " was altered or moved");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
