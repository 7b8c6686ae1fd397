package io.convener.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AuthenticationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared constants and helpers of the auth tests. */
final class Fixture {
  static final String ISSUER = "https://login.example.com/";
  static final String AUDIENCE = "convener";
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private Fixture() {}

  /** Settings with the fixture's issuer and audience, ready for keys. */
  static TokenVerifierSettings.Builder settings() {
    return TokenVerifierSettings.builder().issuer(ISSUER).audience(AUDIENCE);
  }

  /** Valid claims for tenant {@code acme}, expiring ten minutes after {@link #NOW}. */
  static Claims claims() {
    return new Claims()
        .put("iss", ISSUER)
        .put("aud", AUDIENCE)
        .put("sub", "ana")
        .put("tenant", "acme")
        .put("iat", NOW.getEpochSecond())
        .put("exp", NOW.getEpochSecond() + 600);
  }

  /** Asserts that the call is refused with this reason. */
  static void assertRefused(ThrowingCallable call, AuthenticationException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(((AuthenticationException) e).reason())
            .as("reason of: %s", e.getMessage())
            .isEqualTo(reason));
  }

  /** A mutable claims object rendered as JSON; values are strings, numbers or raw JSON. */
  static final class Claims {
    private final Map<String, String> json = new LinkedHashMap<>();

    Claims put(String name, String value) {
      json.put(name, "\"" + value + "\"");
      return this;
    }

    Claims put(String name, long value) {
      json.put(name, Long.toString(value));
      return this;
    }

    /** A claim given as raw JSON, such as an array. */
    Claims raw(String name, String rawJson) {
      json.put(name, rawJson);
      return this;
    }

    Claims remove(String name) {
      json.remove(name);
      return this;
    }

    @Override
    public String toString() {
      return json.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
  }
}
