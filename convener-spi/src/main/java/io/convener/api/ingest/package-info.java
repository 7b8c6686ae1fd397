/**
 * Ingestion: taking members and events from JSON Lines or CSV files, or from records a host already
 * holds, validated line by line and idempotent by event id.
 */
@NullMarked
package io.convener.api.ingest;

import org.jspecify.annotations.NullMarked;
