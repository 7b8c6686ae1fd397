package io.convener.jdbc.internal.feedback;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.convener.spi.storage.FeedbackStore;

/** Binds the JDBC {@link FeedbackStore} as a singleton. Does no I/O. Not API. */
public final class FeedbackStorageModule extends AbstractModule {
  /** Creates the module. */
  public FeedbackStorageModule() {}

  @Override
  protected void configure() {
    bind(FeedbackStore.class).to(JdbiFeedbackStore.class).in(Singleton.class);
  }
}
