/** The JDBC pulse settings store: the {@code pulse_settings} table, one row per tenant. Not API. */
@NullMarked
package io.convener.jdbc.internal.pulse;

import org.jspecify.annotations.NullMarked;
