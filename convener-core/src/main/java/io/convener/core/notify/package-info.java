/**
 * Notifications: the {@link io.convener.api.notify.Notifier}, the relay that delivers the
 * transactional outbox at least once (with retries, dead letters, preferences, quiet hours,
 * digests and throttles), the in-process stream hub that subscriptions and SSE read, and the
 * channels that ship with Convener (webhooks; an in-memory channel for tests and hosts).
 */
@NullMarked
package io.convener.core.notify;

import org.jspecify.annotations.NullMarked;
