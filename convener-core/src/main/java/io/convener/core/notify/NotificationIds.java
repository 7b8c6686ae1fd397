package io.convener.core.notify;

import io.convener.api.MemberId;

/** The provenance entity id of a notification: {@code notification:<recipient>:<sequence>}. */
final class NotificationIds {
  private NotificationIds() {}

  static String entity(MemberId recipient, long sequence) {
    return "notification:" + recipient.value() + ":" + sequence;
  }
}
