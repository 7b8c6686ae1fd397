/**
 * {@link io.convener.spi.storage.ChangeSignals} on the JDBC store: {@code NOTIFY} and one {@code
 * LISTEN}ing connection per store on PostgreSQL, nothing elsewhere. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.signal;

import org.jspecify.annotations.NullMarked;
