/**
 * The JDBC sharing agreement store: {@code sharing_agreements}, one row per tenant, direction and
 * counterpart. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.innovation;

import org.jspecify.annotations.NullMarked;
