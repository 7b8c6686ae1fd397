/**
 * The attribution engine the learning catalyst runs: lineage of outcomes to learning artifacts,
 * evidence features and their fitted weights, the credit models and the Shapley value, and {@link
 * io.convener.core.internal.learning.OfflineAttribution}, the same engine over an organisation held
 * in memory for the weight fit and the accuracy measurements. Used by {@code
 * io.convener.core.learning}; not API.
 */
@NullMarked
package io.convener.core.internal.learning;

import org.jspecify.annotations.NullMarked;
