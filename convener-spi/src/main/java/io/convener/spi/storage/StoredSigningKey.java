package io.convener.spi.storage;

import static java.util.Objects.requireNonNull;

/**
 * A tenant's checkpoint signing key as the provenance store keeps it until a {@code KeyProvider}
 * holds it instead: the signed-note key name and the Ed25519 key pair in its standard encodings,
 * base64. The private key is not encrypted by the store. Immutable; {@link #toString()} never
 * shows the private key.
 *
 * @param keyName the signed-note key name
 * @param privateKey base64 of the PKCS #8 encoding of the private key
 * @param publicKey base64 of the X.509 encoding of the public key
 */
public record StoredSigningKey(String keyName, String privateKey, String publicKey) {
  /** Checks that no component is null or empty. */
  public StoredSigningKey {
    requireNonNull(keyName, "keyName");
    requireNonNull(privateKey, "privateKey");
    requireNonNull(publicKey, "publicKey");
    if (keyName.isEmpty() || privateKey.isEmpty() || publicKey.isEmpty()) {
      throw new IllegalArgumentException("key name and keys must not be empty");
    }
  }

  @Override
  public String toString() {
    return "StoredSigningKey[keyName=" + keyName + ", publicKey=" + publicKey + ", privateKey=***]";
  }
}
