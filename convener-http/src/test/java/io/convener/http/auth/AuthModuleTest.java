package io.convener.http.auth;

import static io.convener.http.auth.Fixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.auth.TokenVerifier;
import org.junit.jupiter.api.Test;

class AuthModuleTest {
  private final TestKey key = TestKey.hmac("h1");
  private final TokenVerifierSettings settings = Fixture.settings().hmacSecret("h1", key.secret()).build();

  @Test
  void bindsOneSharedJwtVerifier() {
    Injector injector = Guice.createInjector(new AuthModule(settings));
    TokenVerifier verifier = injector.getInstance(TokenVerifier.class);
    String token = key.sign(claims()
        .put("exp", java.time.Instant.now().getEpochSecond() + 600).toString());

    assertThat(verifier).isInstanceOf(NimbusTokenVerifier.class).isSameAs(injector.getInstance(TokenVerifier.class));
    assertThat(verifier.verify(token).tenant()).isEqualTo(TenantId.of("acme"));
  }

  @Test
  void letsAHostReplaceTheVerifier() {
    TokenVerifier fixed = token -> Principal.of(TenantId.of("acme"), "host");
    Injector injector = Guice.createInjector(new AuthModule(settings), new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TokenVerifier.class).setBinding().toInstance(fixed);
      }
    });

    assertThat(injector.getInstance(TokenVerifier.class)).isSameAs(fixed);
  }
}
