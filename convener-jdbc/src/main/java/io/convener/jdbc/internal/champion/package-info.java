/**
 * The JDBC champion settings store: {@code champion_settings} (thresholds), {@code
 * champion_weights} and {@code champion_excluded}, one tenant's settings replaced in one
 * transaction. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.champion;

import org.jspecify.annotations.NullMarked;
