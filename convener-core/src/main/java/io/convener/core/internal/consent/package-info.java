/**
 * The consent engine that services consult inside their own gated calls: {@link
 * io.convener.core.internal.consent.ConsentEngine}. Not API: hosts reach consent only through the
 * {@code Principal}-first {@link io.convener.api.consent.ConsentGate}, which passes the choke point.
 */
@NullMarked
package io.convener.core.internal.consent;

import org.jspecify.annotations.NullMarked;
