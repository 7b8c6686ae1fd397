/**
 * The storage side of backups: the catalogue of tables that hold tenant rows (backed up, or left
 * out with a reason), the snapshot reader and the loader. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.backup;

import org.jspecify.annotations.NullMarked;
