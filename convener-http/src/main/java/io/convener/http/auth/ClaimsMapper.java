package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.EXPIRED;
import static io.convener.api.AuthenticationException.Reason.FOREIGN_TENANT;
import static io.convener.api.AuthenticationException.Reason.MALFORMED;
import static io.convener.api.AuthenticationException.Reason.MISSING_TENANT;
import static io.convener.api.AuthenticationException.Reason.NOT_YET_VALID;
import static io.convener.api.AuthenticationException.Reason.WRONG_AUDIENCE;
import static io.convener.api.AuthenticationException.Reason.WRONG_ISSUER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.AuthenticationException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the claims of a verified token and maps them to a {@link Principal}. Checks, in order:
 * {@code exp} (required) not passed beyond the skew, {@code nbf} (optional) not ahead beyond the
 * skew, {@code iss}, {@code aud}, the tenant claim, {@code sub}. Roles come from {@code roles}
 * (an array of the lower-case role names; unknown names are ignored), scopes from {@code scope}
 * (space-separated) and {@code scp} (an array, or a space-separated string). A claim of the wrong
 * JSON type is {@code MALFORMED}. Immutable and thread-safe.
 */
final class ClaimsMapper {
  /** 9999-12-31T23:59:59Z: later dates are not meant seriously and would overflow arithmetic. */
  private static final BigDecimal LATEST_NUMERIC_DATE = BigDecimal.valueOf(253_402_300_799L);

  private final ObjectMapper json;
  private final TokenVerifierSettings settings;
  private final Duration skew;

  ClaimsMapper(ObjectMapper json, TokenVerifierSettings settings) {
    this.json = json;
    this.settings = settings;
    this.skew = settings.clockSkew();
  }

  /**
   * The principal of a token whose signature has been verified.
   *
   * @throws AuthenticationException {@code MALFORMED}, {@code EXPIRED}, {@code NOT_YET_VALID},
   *     {@code WRONG_ISSUER}, {@code WRONG_AUDIENCE}, {@code MISSING_TENANT} or {@code
   *     FOREIGN_TENANT}
   */
  Principal principal(byte[] payload, Instant now) {
    JsonNode claims = claims(payload);
    JsonNode exp = claims.get("exp");
    if (exp == null) {
      throw fail(MALFORMED, "token has no exp claim; tokens without an expiry are not accepted");
    }
    Instant expiry = numericDate(exp, "exp");
    if (!now.isBefore(expiry.plus(skew))) {
      throw fail(EXPIRED, "token expired at " + expiry + " (allowed clock skew " + skew + ")");
    }
    JsonNode nbf = claims.get("nbf");
    if (nbf != null && now.isBefore(numericDate(nbf, "nbf").minus(skew))) {
      throw fail(NOT_YET_VALID,
          "token is not valid before " + numericDate(nbf, "nbf") + " (allowed clock skew " + skew + ")");
    }
    JsonNode iss = claims.get("iss");
    if (iss == null || !iss.isTextual() || !iss.asText().equals(settings.issuer())) {
      throw fail(WRONG_ISSUER, "token issuer " + describe(iss) + " is not '" + settings.issuer() + "'");
    }
    if (!audiences(claims.get("aud")).contains(settings.audience())) {
      throw fail(WRONG_AUDIENCE, "token audience does not include '" + settings.audience() + "'");
    }
    TenantId tenant = tenant(claims.get(settings.tenantClaim()));
    JsonNode sub = claims.get("sub");
    if (sub == null || !sub.isTextual()) {
      throw fail(MALFORMED, "token has no sub claim (string)");
    }
    try {
      return new Principal(tenant, sub.asText(), roles(claims.get("roles")), scopes(claims));
    } catch (IllegalArgumentException e) {
      throw fail(MALFORMED, "token sub claim is not a usable subject id");
    }
  }

  private JsonNode claims(byte[] payload) {
    try {
      JsonNode claims = json.readTree(CompactJws.utf8(payload, "payload"));
      if (claims == null || !claims.isObject()) {
        throw fail(MALFORMED, "payload is not a JSON object of claims");
      }
      return claims;
    } catch (IOException e) {
      throw fail(MALFORMED, "payload is not valid JSON (or repeats a claim)");
    }
  }

  private static Instant numericDate(JsonNode node, String name) {
    if (!node.isNumber()) {
      throw fail(MALFORMED, name + " must be a number of seconds since the epoch");
    }
    BigDecimal seconds = node.decimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(LATEST_NUMERIC_DATE) > 0) {
      throw fail(MALFORMED, name + " is out of range");
    }
    return Instant.ofEpochSecond(seconds.longValue());
  }

  private static Set<String> audiences(@Nullable JsonNode aud) {
    if (aud == null) {
      return Set.of();
    }
    if (aud.isTextual()) {
      return Set.of(aud.asText());
    }
    return strings(aud, "aud", WRONG_AUDIENCE);
  }

  private TenantId tenant(@Nullable JsonNode claim) {
    String name = settings.tenantClaim();
    if (claim == null || !claim.isTextual() || claim.asText().isBlank()) {
      throw fail(MISSING_TENANT, "token has no tenant claim '" + name + "' (a non-blank string)");
    }
    TenantId tenant;
    try {
      tenant = TenantId.of(claim.asText());
    } catch (IllegalArgumentException e) {
      throw fail(MISSING_TENANT, "tenant claim '" + name + "' is not a valid tenant id");
    }
    if (!settings.tenants().isEmpty() && !settings.tenants().contains(tenant)) {
      throw fail(FOREIGN_TENANT, "tenant '" + tenant + "' is not served here");
    }
    return tenant;
  }

  private static Set<Role> roles(@Nullable JsonNode claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claim == null) {
      return roles;
    }
    for (String name : strings(claim, "roles", MALFORMED)) {
      for (Role role : Role.values()) {
        if (role.name().toLowerCase(Locale.ROOT).equals(name)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static Set<String> scopes(JsonNode claims) {
    Set<String> scopes = new LinkedHashSet<>();
    JsonNode scope = claims.get("scope");
    if (scope != null) {
      if (!scope.isTextual()) {
        throw fail(MALFORMED, "scope must be a space-separated string");
      }
      split(scope.asText(), scopes);
    }
    JsonNode scp = claims.get("scp");
    if (scp != null) {
      if (scp.isTextual()) {
        split(scp.asText(), scopes);
      } else {
        scopes.addAll(strings(scp, "scp", MALFORMED));
      }
    }
    return scopes;
  }

  private static void split(String value, Set<String> into) {
    for (String s : value.split(" ")) {
      if (!s.isEmpty()) {
        into.add(s);
      }
    }
  }

  private static Set<String> strings(JsonNode node, String name, AuthenticationException.Reason reason) {
    if (!node.isArray()) {
      throw fail(reason, name + " must be an array of strings");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw fail(reason, name + " must be an array of strings");
      }
      values.add(element.asText());
    }
    return values;
  }

  private static String describe(@Nullable JsonNode iss) {
    return iss == null ? "(none)" : iss.isTextual() ? CompactJws.quote(iss.asText()) : "(not a string)";
  }

  private static AuthenticationException fail(AuthenticationException.Reason reason, String message) {
    return new AuthenticationException(reason, message);
  }
}
