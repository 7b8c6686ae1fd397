/**
 * The JDBC stores of scheduled work: job leases (the {@code job_leases} table, one row per tenant
 * and scheduled job) and the outbox upkeep: backlog and retention purge.
 * Not API.
 */
@NullMarked
package io.convener.jdbc.internal.schedule;

import org.jspecify.annotations.NullMarked;
