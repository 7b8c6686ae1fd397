/**
 * Notification channels that ship with Convener: an in-memory channel, the default until the
 * notification service (outbox, preferences, SSE, webhooks) is built.
 */
@NullMarked
package io.convener.core.notify;

import org.jspecify.annotations.NullMarked;
