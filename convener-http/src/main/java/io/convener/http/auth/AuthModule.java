package io.convener.http.auth;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.auth.TokenVerifier;

/**
 * Binds the JWT {@link TokenVerifier} with these settings; a host replaces it with {@code
 * OptionalBinder.newOptionalBinder(binder(), TokenVerifier.class).setBinding()}. Installing the
 * module does no I/O.
 */
public final class AuthModule extends AbstractModule {
  private final TokenVerifierSettings settings;

  /** A module whose verifier uses these settings. */
  public AuthModule(TokenVerifierSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    bind(TokenVerifierSettings.class).toInstance(settings);
    OptionalBinder.newOptionalBinder(binder(), TokenVerifier.class)
        .setDefault()
        .to(NimbusTokenVerifier.class);
    bind(NimbusTokenVerifier.class).in(Singleton.class);
  }
}
