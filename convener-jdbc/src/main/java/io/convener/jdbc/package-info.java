/**
 * Convener storage on relational databases through Jdbi: embedded H2 (the default), SQLite and
 * PostgreSQL. A host installs {@link io.convener.jdbc.JdbcStorageModule} with {@link
 * io.convener.jdbc.JdbcSettings}; the module exposes the storage SPI of {@code
 * io.convener.spi.storage} and nothing else. The schema is created and migrated by {@code
 * StorageLifecycle.start()}.
 */
@NullMarked
package io.convener.jdbc;

import org.jspecify.annotations.NullMarked;
