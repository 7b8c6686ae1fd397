package io.convener.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.TenantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenVerifierSettingsTest {
  private static final byte[] SECRET = new byte[32];

  @Test
  void hasTheDocumentedDefaults() {
    TokenVerifierSettings settings = Fixture.settings().hmacSecret("k", SECRET).build();

    assertThat(settings.tenantClaim()).isEqualTo("tenant");
    assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.tenants()).isEmpty();
    assertThat(settings.jwks()).isNull();
    assertThat(settings.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.jwksOutageTolerance()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.jwksRefetchCooldown()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void copiesTheSecretAndNeverPrintsIt() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 0x5a);
    TokenVerifierSettings settings = Fixture.settings().hmacSecret("k1", secret)
        .tenants(TenantId.of("acme")).build();
    Arrays.fill(secret, (byte) 0);

    assertThat(settings.hmacSecrets().get("k1").getEncoded()).containsOnly((byte) 0x5a);
    assertThat(settings.toString()).contains("hmacKeyIds=[k1]").contains("acme")
        .doesNotContain("5a").doesNotContain("SecretKeySpec");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("no key source", b -> TokenVerifierSettings.builder().issuer("i").audience("a")),
        bad("blank issuer", b -> b.issuer(" ")),
        bad("blank audience", b -> b.audience("")),
        bad("blank tenant claim", b -> b.tenantClaim(" ")),
        bad("negative skew", b -> b.clockSkew(Duration.ofSeconds(-1))),
        bad("skew over 5 min", b -> b.clockSkew(Duration.ofMinutes(6))),
        bad("short secret", b -> b.hmacSecret("short", new byte[31])),
        bad("empty secret", b -> b.hmacSecret("empty", new byte[0])),
        bad("duplicate kid", b -> b.hmacSecret("k", SECRET)),
        bad("blank kid", b -> b.hmacSecret(" ", SECRET)),
        bad("zero refresh", b -> b.jwksRefreshInterval(Duration.ZERO)),
        bad("negative tolerance", b -> b.jwksOutageTolerance(Duration.ofSeconds(-1))),
        bad("cooldown over refresh", b -> b.jwksRefreshInterval(Duration.ofSeconds(10)).jwksRefetchCooldown(Duration.ofSeconds(11))));
  }

  private static Arguments bad(String name, UnaryOperator<TokenVerifierSettings.Builder> change) {
    return Arguments.of(name, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void failsFastOnBadSettings(String name, UnaryOperator<TokenVerifierSettings.Builder> change) {
    assertThatThrownBy(() -> change.apply(Fixture.settings().hmacSecret("k", SECRET)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiresIssuerAndAudience() {
    assertThatThrownBy(() -> TokenVerifierSettings.builder().audience("a").hmacSecret("k", SECRET).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TokenVerifierSettings.builder().issuer("i").hmacSecret("k", SECRET).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void validatesADirectlyConstructedRecordToo() {
    assertThatThrownBy(() -> new TokenVerifierSettings("i", "a", "tenant", Duration.ZERO, Set.of(),
        Map.of("k", new javax.crypto.spec.SecretKeySpec(new byte[16], "HmacSHA256")), null,
        Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }
}
