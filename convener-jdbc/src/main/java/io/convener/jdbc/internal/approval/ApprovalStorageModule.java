package io.convener.jdbc.internal.approval;

import com.google.inject.AbstractModule;
import io.convener.spi.storage.ApprovalStore;
import jakarta.inject.Singleton;

/** Binds the JDBC {@link ApprovalStore} as a singleton. Does no I/O. Not API. */
public final class ApprovalStorageModule extends AbstractModule {
  /** Creates the module. */
  public ApprovalStorageModule() {}

  @Override
  protected void configure() {
    bind(ApprovalStore.class).to(JdbiApprovalStore.class).in(Singleton.class);
  }
}
