/**
 * Notifications: what Convener sends to people (approval requests, pulse risks, attributions,
 * successful innovation patterns), independent of the channel that carries them: the {@link
 * io.convener.api.notify.Notifier} a recipient reads and subscribes through, their preferences,
 * and the drafts services declare so that a notification commits with the action that caused it.
 */
@NullMarked
package io.convener.api.notify;

import org.jspecify.annotations.NullMarked;
