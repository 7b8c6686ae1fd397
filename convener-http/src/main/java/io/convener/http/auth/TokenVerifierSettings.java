package io.convener.http.auth;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a JWT {@link io.convener.api.auth.TokenVerifier}: whom to trust and what to demand.
 * Immutable and thread-safe; build one with {@link #builder()}, which fails fast on a bad value or
 * a bad combination. {@link #toString()} names the HMAC key ids but never the secrets.
 *
 * @param issuer the only accepted {@code iss}, compared exactly
 * @param audience the value that {@code aud} must be or contain, compared exactly
 * @param tenantClaim the claim that names the caller's tenant (default {@code tenant})
 * @param clockSkew how far {@code exp} and {@code nbf} may be off the verifier's clock (default
 *     60 s; at most {@link #MAX_CLOCK_SKEW})
 * @param tenants the tenants this verifier serves; empty means any valid tenant id
 * @param hmacSecrets shared HS256 secrets by key id ({@code kid}), each at least {@link
 *     #MIN_HMAC_SECRET_BYTES} bytes; an HMAC key accepts HS256 and nothing else
 * @param jwks where the JWKS document of the issuer's public keys comes from, or {@code null}
 *     when only HMAC secrets are used
 * @param jwksRefreshInterval how long a fetched JWKS is used before it is fetched again (default
 *     5 min)
 * @param jwksOutageTolerance how long after a refresh fell due the cached keys stay usable while
 *     the JWKS cannot be fetched (default 1 h); after that, tokens are refused as {@code
 *     KEYS_UNAVAILABLE}
 * @param jwksRefetchCooldown the least time between two fetch attempts, whether due, failed or
 *     forced by an unknown {@code kid} (default 30 s), so that no caller can make the verifier
 *     fetch on every request
 */
public record TokenVerifierSettings(
    String issuer,
    String audience,
    String tenantClaim,
    Duration clockSkew,
    Set<TenantId> tenants,
    Map<String, SecretKey> hmacSecrets,
    @Nullable JwksSource jwks,
    Duration jwksRefreshInterval,
    Duration jwksOutageTolerance,
    Duration jwksRefetchCooldown) {

  /** Default name of the tenant claim. */
  public static final String DEFAULT_TENANT_CLAIM = "tenant";
  /** Default allowed clock skew. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  /** Largest allowed clock skew: anything larger hides a broken clock. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** Default JWKS refresh interval. */
  public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofMinutes(5);
  /** Default time cached keys stay usable during a JWKS outage. */
  public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofHours(1);
  /** Default least time between two JWKS fetch attempts. */
  public static final Duration DEFAULT_JWKS_REFETCH_COOLDOWN = Duration.ofSeconds(30);
  /** Shortest HS256 secret: the size of the hash output (RFC 7518, section 3.2). */
  public static final int MIN_HMAC_SECRET_BYTES = 32;

  /** Validates every component and copies the collections. */
  public TokenVerifierSettings {
    requireNonBlank(issuer, "issuer");
    requireNonBlank(audience, "audience");
    requireNonBlank(tenantClaim, "tenantClaim");
    requireRange(clockSkew, "clockSkew", Duration.ZERO, MAX_CLOCK_SKEW);
    tenants = Set.copyOf(requireNonNull(tenants, "tenants"));
    hmacSecrets = Map.copyOf(requireNonNull(hmacSecrets, "hmacSecrets"));
    hmacSecrets.forEach(TokenVerifierSettings::checkSecret);
    requireRange(jwksRefreshInterval, "jwksRefreshInterval", Duration.ofSeconds(1), Duration.ofDays(1));
    requireRange(jwksOutageTolerance, "jwksOutageTolerance", Duration.ZERO, Duration.ofDays(7));
    requireRange(jwksRefetchCooldown, "jwksRefetchCooldown", Duration.ZERO, jwksRefreshInterval);
    if (hmacSecrets.isEmpty() && jwks == null) {
      throw new IllegalArgumentException("no keys: give at least one HMAC secret or a JWKS source");
    }
  }

  /** A builder with the documented defaults; issuer, audience and a key source are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Names the HMAC key ids, never the secrets. */
  @Override
  public String toString() {
    return "TokenVerifierSettings[issuer=" + issuer + ", audience=" + audience
        + ", tenantClaim=" + tenantClaim + ", clockSkew=" + clockSkew + ", tenants=" + new TreeSet<>(tenants)
        + ", hmacKeyIds=" + new TreeSet<>(hmacSecrets.keySet()) + ", jwks=" + (jwks == null ? "none" : jwks)
        + ", jwksRefreshInterval=" + jwksRefreshInterval + ", jwksOutageTolerance=" + jwksOutageTolerance
        + ", jwksRefetchCooldown=" + jwksRefetchCooldown + "]";
  }

  private static void checkSecret(String kid, SecretKey secret) {
    requireNonBlank(kid, "HMAC key id");
    byte[] bytes = secret.getEncoded();
    int length = bytes == null ? 0 : bytes.length;
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
    if (length < MIN_HMAC_SECRET_BYTES) {
      throw new IllegalArgumentException("HMAC secret '" + kid + "' must be at least "
          + MIN_HMAC_SECRET_BYTES + " bytes for HS256, got " + length);
    }
  }

  private static void requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requireRange(Duration value, String name, Duration min, Duration max) {
    requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  /** Collects settings; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private @Nullable String issuer;
    private @Nullable String audience;
    private String tenantClaim = DEFAULT_TENANT_CLAIM;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Set<TenantId> tenants = Set.of();
    private final Map<String, SecretKey> hmacSecrets = new LinkedHashMap<>();
    private @Nullable JwksSource jwks;
    private Duration jwksRefreshInterval = DEFAULT_JWKS_REFRESH_INTERVAL;
    private Duration jwksOutageTolerance = DEFAULT_JWKS_OUTAGE_TOLERANCE;
    private Duration jwksRefetchCooldown = DEFAULT_JWKS_REFETCH_COOLDOWN;

    private Builder() {}

    /** The only accepted {@code iss}. Required. */
    public Builder issuer(String issuer) {
      this.issuer = requireNonNull(issuer, "issuer");
      return this;
    }

    /** The value {@code aud} must be or contain. Required. */
    public Builder audience(String audience) {
      this.audience = requireNonNull(audience, "audience");
      return this;
    }

    /** The claim naming the tenant; {@value TokenVerifierSettings#DEFAULT_TENANT_CLAIM} by default. */
    public Builder tenantClaim(String name) {
      this.tenantClaim = requireNonNull(name, "name");
      return this;
    }

    /** How far {@code exp} and {@code nbf} may be off; 60 s by default, at most 5 min. */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = requireNonNull(skew, "skew");
      return this;
    }

    /** The tenants served; a token for any other is refused as {@code FOREIGN_TENANT}. */
    public Builder tenants(Collection<TenantId> tenants) {
      this.tenants = Set.copyOf(requireNonNull(tenants, "tenants"));
      return this;
    }

    /** Same as {@link #tenants(Collection)}. */
    public Builder tenants(TenantId... tenants) {
      return tenants(Arrays.asList(tenants));
    }

    /**
     * Adds an HS256 shared secret under a key id. The bytes are copied; the caller may wipe its
     * array afterwards.
     *
     * @throws IllegalArgumentException when the key id is blank or already taken, or the secret
     *     is shorter than {@value TokenVerifierSettings#MIN_HMAC_SECRET_BYTES} bytes
     */
    public Builder hmacSecret(String kid, byte[] secret) {
      requireNonBlank(kid, "kid");
      requireNonNull(secret, "secret");
      if (hmacSecrets.containsKey(kid)) {
        throw new IllegalArgumentException("HMAC key id '" + kid + "' given twice");
      }
      if (secret.length < MIN_HMAC_SECRET_BYTES) {
        throw new IllegalArgumentException("HMAC secret '" + kid + "' must be at least "
            + MIN_HMAC_SECRET_BYTES + " bytes for HS256, got " + secret.length);
      }
      hmacSecrets.put(kid, new SecretKeySpec(secret, "HmacSHA256"));
      return this;
    }

    /** Where the issuer's JWKS comes from, for example {@link JwksSource#http}. */
    public Builder jwks(JwksSource source) {
      this.jwks = requireNonNull(source, "source");
      return this;
    }

    /** How long a fetched JWKS is used before it is fetched again; 5 min by default. */
    public Builder jwksRefreshInterval(Duration interval) {
      this.jwksRefreshInterval = requireNonNull(interval, "interval");
      return this;
    }

    /** How long cached keys stay usable after a refresh fell due and failed; 1 h by default. */
    public Builder jwksOutageTolerance(Duration tolerance) {
      this.jwksOutageTolerance = requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** The least time between two JWKS fetch attempts; 30 s by default. */
    public Builder jwksRefetchCooldown(Duration cooldown) {
      this.jwksRefetchCooldown = requireNonNull(cooldown, "cooldown");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalStateException when the issuer or the audience is missing
     * @throws IllegalArgumentException when a value is out of range, or no key source is given
     */
    public TokenVerifierSettings build() {
      if (issuer == null || audience == null) {
        throw new IllegalStateException("issuer and audience are required");
      }
      return new TokenVerifierSettings(issuer, audience, tenantClaim, clockSkew, tenants,
          hmacSecrets, jwks, jwksRefreshInterval, jwksOutageTolerance, jwksRefetchCooldown);
    }
  }
}
