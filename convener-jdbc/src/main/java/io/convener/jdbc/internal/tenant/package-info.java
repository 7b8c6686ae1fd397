/** The JDBC tenant store: the {@code tenants} table that every other table refers to. Not API. */
@NullMarked
package io.convener.jdbc.internal.tenant;

import org.jspecify.annotations.NullMarked;
