/**
 * The default {@link io.convener.api.learning.LearningCatalyst}: the lineage graph learning →
 * applied → outcome read from the event store, the evidence rules that fill in missing references,
 * the attribution models, and the notifications to credited contributors.
 */
@NullMarked
package io.convener.core.learning;

import org.jspecify.annotations.NullMarked;
