/**
 * The default {@link io.convener.api.feedback.FeedbackService}: every call runs through the {@link
 * io.convener.core.internal.gate.Gate}; who may give feedback on what is decided by {@code
 * FeedbackRights}; reasons are encrypted under the author's data key before they are stored.
 */
@NullMarked
package io.convener.core.feedback;

import org.jspecify.annotations.NullMarked;
