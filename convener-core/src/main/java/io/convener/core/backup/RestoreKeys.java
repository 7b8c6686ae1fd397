package io.convener.core.backup;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.convener.api.TenantId;
import io.convener.api.backup.TenantBackup;
import io.convener.api.provenance.Checkpoint;
import io.convener.core.internal.checkpoint.CheckpointSigner;
import io.convener.core.internal.checkpoint.CheckpointVerifier;
import io.convener.spi.keys.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks, before a restore writes, that the key provider holds the keys a tenant of the backup
 * needs: every key-encryption key that wraps one of its data keys (else its personal data would be
 * unreadable), and, as the tenant's current signing key, the key that signed its checkpoint (else
 * the restored log could not be verified, nor extended under the same key). Never creates a key.
 * The message names the keys and where the default provider keeps them.
 */
final class RestoreKeys {
  private final KeyProvider keys;

  @Inject
  RestoreKeys(KeyProvider keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /**
   * @throws IllegalStateException naming what the key provider lacks
   * @throws io.convener.api.IntegrityException when the checkpoint's signature does not verify
   */
  void check(TenantBackup backup) {
    TenantId tenant = backup.tenant();
    List<Integer> missing = backup.keyEncryptionKeyIds().stream()
        .filter(id -> keys.keyEncryptionKey(tenant, id).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("restoring tenant '" + tenant + "' needs the key provider that holds its"
          + " key-encryption keys " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + ", which this one lacks: " + where(tenant));
    }
    if (backup.checkpoint().isEmpty()) {
      return;
    }
    Checkpoint checkpoint = backup.checkpoint().get();
    List<PublicKey> held = keys.verificationKeys(tenant);
    if (held.isEmpty() || CheckpointSigner.keyId(checkpoint.keyName(), held.get(0)) != checkpoint.keyId()) {
      throw new IllegalStateException("restoring tenant '" + tenant + "' needs the key provider whose current"
          + " signing key for the tenant is " + checkpoint.keyName() + "+" + checkpoint.keyIdHex()
          + " (it signed the backup's checkpoint), which this one " + (held.isEmpty() ? "lacks" : "does not have as"
          + " current") + ": " + where(tenant));
    }
    CheckpointVerifier.checkSignature(checkpoint, held.get(0));
  }

  /** Where the default key provider keeps the tenant's keys, and what to do. */
  static String where(TenantId tenant) {
    return "copy the tenant's keyset file " + keysetFile(tenant) + " from the key directory of the store the"
        + " backup was made from into this store's key directory, or run with the key provider that holds them";
  }

  /** The file name under which the default key provider keeps a tenant's keyset. */
  static String keysetFile(TenantId tenant) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tenant.value().getBytes(StandardCharsets.UTF_8));
      return tenant.value().toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(hash, 0, 4) + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
