/**
 * Degraded mode: what a service serves while the store fails. {@link
 * io.convener.core.internal.degraded.LastKnown} keeps the last result of each question and hands it
 * out marked stale ({@link io.convener.api.pulse.Staleness}) when a fresh one cannot be computed;
 * {@link io.convener.core.internal.degraded.Rechecked} keeps in such a result only the people
 * whose consent the consent engine can still confirm. The gate lets a stale result out even when
 * its provenance entry cannot be written (see {@code Invocation.Builder#fallback}).
 */
@NullMarked
package io.convener.core.internal.degraded;

import org.jspecify.annotations.NullMarked;
