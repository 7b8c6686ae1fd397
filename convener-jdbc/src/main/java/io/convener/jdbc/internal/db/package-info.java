/**
 * Machinery shared by the JDBC stores: the {@code Database} that hands out Jdbi handles, maps
 * failures to {@link io.convener.api.StorageException}, serialises writes where the database
 * needs it and registers tenants; the lifecycle that opens the connection pool and migrates the
 * schema; and the JSON and time encodings of columns. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.db;

import org.jspecify.annotations.NullMarked;
