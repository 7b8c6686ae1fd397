/**
 * A generator of learning lineages with a known true originator per outcome and tunable noise
 * ({@link io.convener.testing.learning.LearningScenario}), and the top-1 / top-3 accuracy of a set
 * of attributions against it ({@link io.convener.testing.learning.AttributionAccuracy}).
 */
@NullMarked
package io.convener.testing.learning;

import org.jspecify.annotations.NullMarked;
