/**
 * The ingest feed: how the services that keep in-memory state per tenant (graph snapshots, pulse
 * rollups) learn of every member and event that ingestion committed, right after the commit.
 * Internal machinery of the runtime: not API, may change without notice.
 */
@NullMarked
package io.convener.core.internal.feed;

import org.jspecify.annotations.NullMarked;
