/**
 * The notification outbox in the {@code notification_*} tables: messages, deliveries per
 * channel, dead letters, engagement marks and preferences. Not API.
 */
@NullMarked
package io.convener.jdbc.internal.notify;

import org.jspecify.annotations.NullMarked;
