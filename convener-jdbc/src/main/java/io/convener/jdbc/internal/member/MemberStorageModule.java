package io.convener.jdbc.internal.member;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link MemberStore} as a singleton. Does no I/O. Not API. */
public final class MemberStorageModule extends AbstractModule {
  /** Creates the module. */
  public MemberStorageModule() {}

  @Override
  protected void configure() {
    bind(JdbiMemberStore.class).in(Singleton.class);
    bind(MemberStore.class).to(JdbiMemberStore.class);
  }
}
