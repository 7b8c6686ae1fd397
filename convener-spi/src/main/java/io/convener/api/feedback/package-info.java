/**
 * Feedback: a member or a manager agrees with, or disputes, a champion recommendation, a learning
 * attribution or a risk flag, with a reason. The {@link io.convener.api.feedback.FeedbackService}
 * runs every call through the choke point, so each piece of feedback and each review is one
 * provenance entry. A dispute that holds ({@link io.convener.api.feedback.FeedbackStatus#holds()})
 * changes later results: a disputed champion is held out of rankings, a disputed attribution or
 * risk flag carries the ids of its disputes; an admin's review accepts or rejects it.
 */
@NullMarked
package io.convener.api.feedback;

import org.jspecify.annotations.NullMarked;
