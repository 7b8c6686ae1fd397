/**
 * The JDBC pulse stores: the {@code pulse_settings} table, one row per tenant, and the pulse's day
 * digests in {@code pulse_days} with their heads in {@code pulse_digest_heads}. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.pulse;

import org.jspecify.annotations.NullMarked;
