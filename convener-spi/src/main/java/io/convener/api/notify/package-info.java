/**
 * Notifications: what Convener sends to people (approval requests today; signals,
 * recommendations and risks later), independent of the channel that carries them.
 */
@NullMarked
package io.convener.api.notify;

import org.jspecify.annotations.NullMarked;
