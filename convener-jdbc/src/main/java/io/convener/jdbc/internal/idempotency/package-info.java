/**
 * The JDBC idempotency key store: the {@code idempotency_keys} table, one row per claimed key of a
 * tenant. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.idempotency;

import org.jspecify.annotations.NullMarked;
