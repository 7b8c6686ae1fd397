/** The JDBC region pin store: the {@code tenant_regions} table of data residency. Not API. */
@NullMarked
package io.convener.jdbc.internal.region;

import org.jspecify.annotations.NullMarked;
