package io.convener.core.internal.provenance;

import static java.util.Objects.requireNonNull;

import io.convener.api.provenance.Checkpoint;
import java.security.KeyPair;

/**
 * A checkpoint signing key: its signed-note name and the Ed25519 key pair. {@link #toString()}
 * never shows the private key.
 *
 * @param name the signed-note key name
 * @param keys the Ed25519 key pair
 */
public record SigningKey(String name, KeyPair keys) {
  /** Validates the name. */
  public SigningKey {
    Checkpoint.checkKeyName(name);
    requireNonNull(keys, "keys");
  }

  @Override
  public String toString() {
    return "SigningKey[name=" + name + "]";
  }
}
