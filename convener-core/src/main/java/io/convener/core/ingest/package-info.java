/**
 * The default ingestion: JSON Lines and CSV readers that turn each line into a member, an event or
 * a rejection, and the service that writes accepted records to the store in batches.
 */
@NullMarked
package io.convener.core.ingest;

import org.jspecify.annotations.NullMarked;
