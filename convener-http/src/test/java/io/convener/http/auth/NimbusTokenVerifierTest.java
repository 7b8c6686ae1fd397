package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.EXPIRED;
import static io.convener.api.AuthenticationException.Reason.FOREIGN_TENANT;
import static io.convener.api.AuthenticationException.Reason.MALFORMED;
import static io.convener.api.AuthenticationException.Reason.MISSING_TENANT;
import static io.convener.api.AuthenticationException.Reason.NOT_YET_VALID;
import static io.convener.api.AuthenticationException.Reason.WRONG_AUDIENCE;
import static io.convener.api.AuthenticationException.Reason.WRONG_ISSUER;
import static io.convener.http.auth.Fixture.NOW;
import static io.convener.http.auth.Fixture.assertRefused;
import static io.convener.http.auth.Fixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.AuthenticationException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Happy paths for every key kind, and the mapping and checks of claims. */
class NimbusTokenVerifierTest {
  /** The key kinds a verifier accepts, each with how its key reaches the verifier. */
  enum Kind {
    HS256(TestKey::hmac),
    RS256(TestKey::rsa),
    ES256(TestKey::ec),
    EDDSA(TestKey::ed25519);

    final Function<String, TestKey> make;

    Kind(Function<String, TestKey> make) {
      this.make = make;
    }
  }

  private final MutableClock clock = new MutableClock(NOW);
  private final TestKey hmac = TestKey.hmac("h1");
  private final NimbusTokenVerifier verifier =
      new NimbusTokenVerifier(Fixture.settings().hmacSecret("h1", hmac.secret()).build(), clock);

  private static NimbusTokenVerifier verifierFor(TestKey key, MutableClock clock) {
    TokenVerifierSettings.Builder settings = Fixture.settings();
    if (key.alg().equals("HS256")) {
      settings.hmacSecret(key.kid(), key.secret());
    } else {
      settings.jwks(new FakeJwksSource(TestKey.jwks(key)));
    }
    return new NimbusTokenVerifier(settings.build(), clock);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void acceptsAValidTokenOfEveryKeyKind(Kind kind) {
    TestKey key = kind.make.apply("k-" + kind);
    Principal principal = verifierFor(key, clock).verify(key.sign(claims().toString()));

    assertThat(principal).isEqualTo(new Principal(TenantId.of("acme"), "ana", Set.of(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer  ", "BEARER ", "  "})
  void acceptsTheTokenWithItsBearerScheme(String prefix) {
    assertThat(verifier.verify(prefix + hmac.sign(claims().toString())).subject()).isEqualTo("ana");
  }

  @Test
  void mapsKnownRolesIgnoresUnknownOnesAndJoinsScopeAndScp() {
    String token = hmac.sign(claims()
        .raw("roles", "[\"admin\",\"team_lead\",\"wizard\",\"ADMIN\"]")
        .put("scope", "champions:read  pulse:read")
        .raw("scp", "[\"learning:read\"]")
        .toString());

    Principal principal = verifier.verify(token);

    assertThat(principal.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.TEAM_LEAD);
    assertThat(principal.scopes()).containsExactlyInAnyOrder("champions:read", "pulse:read", "learning:read");
  }

  @Test
  void mapsEveryRoleName() {
    String token = hmac.sign(claims()
        .raw("roles", "[\"admin\",\"community_manager\",\"team_lead\",\"member\",\"compliance_officer\"]")
        .toString());

    assertThat(verifier.verify(token).roles()).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void readsScpAsASpaceSeparatedStringToo() {
    String token = hmac.sign(claims().put("scp", "a b").toString());

    assertThat(verifier.verify(token).scopes()).containsExactlyInAnyOrder("a", "b");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "roles | \"admin\"",
      "roles | [\"admin\", 1]",
      "scope | [\"a\"]",
      "scp   | 7",
      "sub   | 42",
      "exp   | \"tomorrow\"",
      "exp   | -1",
      "exp   | 1e300",
  })
  void refusesClaimsOfTheWrongTypeAsMalformed(String claim, String rawJson) {
    String token = hmac.sign(claims().raw(claim, rawJson).toString());

    assertRefused(() -> verifier.verify(token), MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exp", "sub"})
  void refusesATokenWithoutARequiredClaimAsMalformed(String claim) {
    assertRefused(() -> verifier.verify(hmac.sign(claims().remove(claim).toString())), MALFORMED);
  }

  @Test
  void refusesAPayloadThatRepeatsAClaim() {
    String payload = claims().toString().replace("{", "{\"tenant\":\"globex\",");

    assertRefused(() -> verifier.verify(hmac.sign(payload)), MALFORMED);
  }

  @Test
  void refusesAPayloadThatIsNotUtf8() {
    byte[] payload = claims().toString().replace("\"ana\"", "\"an\u00e1\"").getBytes(StandardCharsets.ISO_8859_1);

    assertRefused(() -> verifier.verify(hmac.sign("{\"alg\":\"HS256\",\"kid\":\"h1\"}", payload)), MALFORMED);
  }

  @Test
  void acceptsASubjectInUtf8() {
    byte[] payload = claims().toString().replace("\"ana\"", "\"an\u00e1\"").getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(hmac.sign("{\"alg\":\"HS256\",\"kid\":\"h1\"}", payload)).subject()).isEqualTo("an\u00e1");
  }

  @ParameterizedTest
  @CsvSource({
      // seconds from exp to now (skew is 60 s), accepted?
      "-600, true",
      "59, true",
      "60, false",
      "3600, false",
  })
  void expiresOnlyBeyondTheSkew(long secondsPastExpiry, boolean accepted) {
    long exp = NOW.getEpochSecond() + 600;
    clock.set(NOW.plusSeconds(600 + secondsPastExpiry));
    String token = hmac.sign(claims().put("exp", exp).toString());

    if (accepted) {
      assertThat(verifier.verify(token).subject()).isEqualTo("ana");
    } else {
      assertRefused(() -> verifier.verify(token), EXPIRED);
    }
  }

  @ParameterizedTest
  @CsvSource({
      // seconds from now to nbf (skew is 60 s), accepted?
      "-10, true",
      "60, true",
      "61, false",
      "3600, false",
  })
  void isNotYetValidOnlyBeyondTheSkew(long secondsUntilNbf, boolean accepted) {
    String token = hmac.sign(claims().put("nbf", NOW.getEpochSecond() + secondsUntilNbf).toString());

    if (accepted) {
      assertThat(verifier.verify(token).subject()).isEqualTo("ana");
    } else {
      assertRefused(() -> verifier.verify(token), NOT_YET_VALID);
    }
  }

  @Test
  void honoursAConfiguredSkew() {
    NimbusTokenVerifier strict = new NimbusTokenVerifier(
        Fixture.settings().hmacSecret("h1", hmac.secret()).clockSkew(Duration.ZERO).build(), clock);
    clock.set(NOW.plusSeconds(600));

    assertRefused(() -> strict.verify(hmac.sign(claims().toString())), EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"https://evil.example.com/\"", "\"https://login.example.com\"", "[\"https://login.example.com/\"]"})
  void refusesAnotherIssuer(String iss) {
    assertRefused(() -> verifier.verify(hmac.sign(claims().raw("iss", iss).toString())), WRONG_ISSUER);
  }

  @Test
  void refusesATokenWithoutIssuer() {
    assertRefused(() -> verifier.verify(hmac.sign(claims().remove("iss").toString())), WRONG_ISSUER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"other\"", "[\"other\",\"more\"]", "[]", "\"Convener\""})
  void refusesAnotherAudience(String aud) {
    assertRefused(() -> verifier.verify(hmac.sign(claims().raw("aud", aud).toString())), WRONG_AUDIENCE);
  }

  @Test
  void refusesATokenWithoutAudience() {
    assertRefused(() -> verifier.verify(hmac.sign(claims().remove("aud").toString())), WRONG_AUDIENCE);
  }

  @Test
  void acceptsAnAudienceArrayThatNamesUs() {
    String token = hmac.sign(claims().raw("aud", "[\"other\",\"convener\"]").toString());

    assertThat(verifier.verify(token).subject()).isEqualTo("ana");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "42", "null", "[\"acme\"]", "\"has space\"", "\"-leading-dash\""})
  void refusesATenantClaimThatIsNotATenantId(String tenant) {
    assertRefused(() -> verifier.verify(hmac.sign(claims().raw("tenant", tenant).toString())), MISSING_TENANT);
  }

  @Test
  void readsTheTenantFromAConfiguredClaim() {
    NimbusTokenVerifier custom = new NimbusTokenVerifier(
        Fixture.settings().hmacSecret("h1", hmac.secret()).tenantClaim("org_id").build(), clock);
    String token = hmac.sign(claims().remove("tenant").put("org_id", "globex").toString());

    assertThat(custom.verify(token).tenant()).isEqualTo(TenantId.of("globex"));
    assertRefused(() -> custom.verify(hmac.sign(claims().toString())), MISSING_TENANT);
  }

  @Test
  void servesOnlyTheConfiguredTenants() {
    NimbusTokenVerifier acmeOnly = new NimbusTokenVerifier(
        Fixture.settings().hmacSecret("h1", hmac.secret()).tenants(TenantId.of("acme")).build(), clock);

    assertThat(acmeOnly.verify(hmac.sign(claims().toString())).tenant()).isEqualTo(TenantId.of("acme"));
    assertRefused(() -> acmeOnly.verify(hmac.sign(claims().put("tenant", "globex").toString())), FOREIGN_TENANT);
  }

  @Test
  void neverEchoesTheTokenInTheMessage() {
    String token = hmac.sign(claims().put("exp", NOW.getEpochSecond() - 3600).toString());

    assertRefused(() -> verifier.verify(token), EXPIRED);
    try {
      verifier.verify(token);
    } catch (AuthenticationException e) {
      assertThat(e.getMessage()).doesNotContain(token.substring(0, 20)).doesNotContain("ana");
      assertThat(e.code()).isEqualTo("token_expired");
    }
  }
}
