/**
 * How feedback changes results: {@link io.convener.core.internal.feedback.FeedbackMarks} reads a
 * tenant's disputes that hold, for the champion ranker, the learning catalyst and the pulse to
 * apply. Not API.
 */
@NullMarked
package io.convener.core.internal.feedback;

import org.jspecify.annotations.NullMarked;
