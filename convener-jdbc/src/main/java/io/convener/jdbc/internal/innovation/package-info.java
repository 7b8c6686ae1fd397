/**
 * The JDBC stores of innovation spread: {@code sharing_agreements}, one row per tenant, direction and
 * counterpart; {@code innovation_detection_settings} and {@code confirmed_innovations}. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.innovation;

import org.jspecify.annotations.NullMarked;
