/**
 * The default consent gate: {@code DefaultConsentEngine} over the {@link
 * io.convener.spi.storage.ConsentStore}, with a Caffeine cache of each tenant's current consent
 * per purpose, the output filter and the withdrawal-race guard, and the feed that turns ingested
 * {@code consent} events into consent records. {@link io.convener.core.consent.ConsentModule} wires
 * it; everything else is package-private.
 */
@NullMarked
package io.convener.core.consent;

import org.jspecify.annotations.NullMarked;
