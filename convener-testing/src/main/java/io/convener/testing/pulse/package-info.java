/**
 * Planted pulse scenarios: small organisations whose engagement, silence, group sizes and survey
 * answers are set by hand, so that pulse tests know exactly which risks must be raised, for whom,
 * and which groups must be suppressed. Start with {@link
 * io.convener.testing.pulse.PlantedPulseScenario#standard()}.
 */
@NullMarked
package io.convener.testing.pulse;

import org.jspecify.annotations.NullMarked;
