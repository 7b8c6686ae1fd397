/**
 * Learning catalyst: attributes each {@code outcome} event to the people whose learning
 * artifacts ({@code learning} events, reused through {@code applied} events) led to it, through a
 * lineage graph with recorded evidence and a choice of {@link io.convener.api.learning.AttributionModel}s.
 * Contributors are named only with their consent for {@code learning.attribution}; the share of
 * the others is reported as withheld.
 */
@NullMarked
package io.convener.api.learning;

import org.jspecify.annotations.NullMarked;
