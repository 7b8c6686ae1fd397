package io.convener.core.profile;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.profile.ProfileService;

/** Binds the default {@link ProfileService}; a host replaces it through its {@code OptionalBinder}. */
public final class ProfileModule extends AbstractModule {
  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ProfileService.class).setDefault().to(DefaultProfileService.class);
    bind(DefaultProfileService.class).in(Singleton.class);
  }
}
