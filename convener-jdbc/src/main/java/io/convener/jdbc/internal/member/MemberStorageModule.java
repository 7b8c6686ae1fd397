package io.convener.jdbc.internal.member;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.MemberStore;
import io.convener.spi.storage.MembershipHistoryStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link MemberStore} and {@link MembershipHistoryStore} as singletons. Does no I/O. Not API. */
public final class MemberStorageModule extends AbstractModule {
  /** Creates the module. */
  public MemberStorageModule() {}

  @Override
  protected void configure() {
    bind(JdbiMemberStore.class).in(Singleton.class);
    bind(MemberStore.class).to(JdbiMemberStore.class);
    bind(MembershipHistoryStore.class).to(JdbiMembershipHistoryStore.class).in(Singleton.class);
  }
}
