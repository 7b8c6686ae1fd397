/** The JDBC pulse watcher store: the {@code pulse_watchers} table, one row per watcher of a scope. Not API. */
@NullMarked
package io.convener.jdbc.internal.watch;

import org.jspecify.annotations.NullMarked;
