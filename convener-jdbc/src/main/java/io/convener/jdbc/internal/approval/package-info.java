/**
 * The JDBC approval store: {@code approvals}, one row per approval with its status, and {@code
 * approval_votes}, its append-only votes. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.approval;

import org.jspecify.annotations.NullMarked;
