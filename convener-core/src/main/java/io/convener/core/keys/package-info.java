/**
 * Keys: the default {@link io.convener.spi.keys.KeyProvider}, which keeps each tenant's keyset in
 * a local file (or only in memory), and {@code KeysModule}, which binds it and the default {@link
 * io.convener.spi.keys.PersonalDataCipher}, each replaceable through its {@code OptionalBinder}.
 */
@NullMarked
package io.convener.core.keys;

import org.jspecify.annotations.NullMarked;
