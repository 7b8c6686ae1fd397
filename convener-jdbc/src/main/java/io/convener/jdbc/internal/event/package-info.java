/**
 * The JDBC event store: idempotent batch inserts and streaming, time-ordered scans of the {@code
 * events} table. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.event;

import org.jspecify.annotations.NullMarked;
