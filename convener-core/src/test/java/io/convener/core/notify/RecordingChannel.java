package io.convener.core.notify;

import io.convener.api.TenantId;
import io.convener.api.notify.Notification;
import io.convener.spi.notify.NonRetryableDeliveryException;
import io.convener.spi.notify.NotificationChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A test channel that records what it delivers and fails as scripted. Thread-safe. */
final class RecordingChannel implements NotificationChannel {
  enum Outcome { OK, FAIL, REJECT }

  private final String name;
  private final boolean interrupting;
  private final Deque<Outcome> script = new ArrayDeque<>();
  private final List<Notification> delivered = new ArrayList<>();
  private int calls;

  RecordingChannel(String name, boolean interrupting) {
    this.name = name;
    this.interrupting = interrupting;
  }

  RecordingChannel() {
    this("test", true);
  }

  /** The next calls' outcomes; OK once the script is used up. */
  synchronized void script(Outcome... outcomes) {
    script.addAll(List.of(outcomes));
  }

  /** Fails every call from now on until told otherwise. */
  synchronized void failAlways(int times) {
    for (int i = 0; i < times; i++) {
      script.add(Outcome.FAIL);
    }
  }

  synchronized List<Notification> delivered() {
    return List.copyOf(delivered);
  }

  synchronized int calls() {
    return calls;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean interrupting() {
    return interrupting;
  }

  @Override
  public synchronized void deliver(TenantId tenant, Notification notification) {
    calls++;
    Outcome next = script.isEmpty() ? Outcome.OK : script.poll();
    switch (next) {
      case FAIL -> throw new IllegalStateException("scripted failure");
      case REJECT -> throw new NonRetryableDeliveryException("scripted rejection");
      default -> delivered.add(notification);
    }
  }
}
