/**
 * The JDBC event block store: {@code event_blocks}, opaque blocks of compact event copies in
 * numbered streams per tenant, a cache beside the {@code events} table. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.block;

import org.jspecify.annotations.NullMarked;
