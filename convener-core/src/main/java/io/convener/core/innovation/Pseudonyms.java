package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous references to another tenant's members, teams and events: {@code x-} and 32 hex
 * digits of HMAC-SHA256 under a key derived from the data owner's primary key-encryption key,
 * over the viewing tenant, the owning tenant, the kind and the id. Stable for one viewer (until
 * the owner rotates its keys), different for every other viewer, so two tenants cannot join their
 * views; the raw id never leaves its tenant. Thread-safe.
 */
final class Pseudonyms {
  private static final byte[] LABEL = "convener/innovation/pseudonym/v1".getBytes(StandardCharsets.UTF_8);
  private static final String HMAC = "HmacSHA256";

  /** What a reference stands for. */
  enum Kind {
    MEMBER,
    TEAM,
    EVENT
  }

  private final KeyProvider keys;

  @Inject
  Pseudonyms(KeyProvider keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** The reference {@code viewer} sees for {@code owner}'s {@code id} of this kind. */
  String of(TenantId viewer, TenantId owner, Kind kind, String id) {
    try {
      byte[] derived = mac(keys.keyset(owner).primary().getEncoded(), LABEL);
      String message = viewer.value() + '\0' + owner.value() + '\0' + kind.name() + '\0' + id;
      byte[] tag = mac(derived, message.getBytes(StandardCharsets.UTF_8));
      return "x-" + HexFormat.of().formatHex(tag, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static byte[] mac(byte[] key, byte[] message) throws NoSuchAlgorithmException, InvalidKeyException {
    Mac mac = Mac.getInstance(HMAC);
    mac.init(new SecretKeySpec(key, HMAC));
    return mac.doFinal(message);
  }
}
