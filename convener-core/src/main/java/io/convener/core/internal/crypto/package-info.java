/**
 * Encryption of personal data at rest: the AES-256-GCM primitive ({@code AesGcm}), the per-member
 * data keys and their wrapping under the tenant's key-encryption keys, the versioned text formats
 * of ciphertexts, wrapped keys and digests, and {@code EnvelopeCipher}, the default {@link
 * io.convener.spi.keys.PersonalDataCipher} that puts them together. Only the JDK's {@code
 * javax.crypto} is used. Not API.
 */
@NullMarked
package io.convener.core.internal.crypto;

import org.jspecify.annotations.NullMarked;
