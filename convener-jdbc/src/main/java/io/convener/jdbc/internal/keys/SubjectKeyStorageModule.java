package io.convener.jdbc.internal.keys;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.SubjectKeyStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link SubjectKeyStore} as a singleton. Does no I/O. Not API. */
public final class SubjectKeyStorageModule extends AbstractModule {
  /** Creates the module. */
  public SubjectKeyStorageModule() {}

  @Override
  protected void configure() {
    bind(SubjectKeyStore.class).to(JdbiSubjectKeyStore.class).in(Singleton.class);
  }
}
