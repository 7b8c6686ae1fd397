/**
 * The JDBC store of members' wrapped data keys: the {@code subject_keys} table, one row per member
 * with a data key. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.keys;

import org.jspecify.annotations.NullMarked;
