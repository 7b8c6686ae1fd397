package io.convener.spi.storage;

import io.convener.api.TenantId;

/** {@link ChangeSignals#none()}: checks its arguments and tells no one. */
enum NoSignals implements ChangeSignals {
  INSTANCE;

  @Override
  public void signal(String topic, TenantId tenant) {
    ChangeSignals.checkTopic(topic);
    java.util.Objects.requireNonNull(tenant, "tenant");
  }

  @Override
  public Subscription subscribe(String topic, Listener listener) {
    ChangeSignals.checkTopic(topic);
    java.util.Objects.requireNonNull(listener, "listener");
    return () -> { };
  }

  @Override
  public boolean pushes() {
    return false;
  }
}
