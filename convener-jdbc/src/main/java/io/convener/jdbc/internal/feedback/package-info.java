/**
 * The JDBC feedback store: {@code feedback}, one row per piece of feedback with its review state.
 * Not API.
 */
@NullMarked
package io.convener.jdbc.internal.feedback;

import org.jspecify.annotations.NullMarked;
