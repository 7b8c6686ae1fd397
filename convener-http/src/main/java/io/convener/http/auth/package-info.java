/**
 * JSON Web Token authentication: {@link io.convener.http.auth.TokenVerifiers#create} builds a
 * {@link io.convener.api.auth.TokenVerifier} from {@link io.convener.http.auth.TokenVerifierSettings}
 * (HS256 shared secrets, and RSA, EC and Ed25519 public keys from a JWKS that a {@link
 * io.convener.http.auth.JwksSource} supplies); {@link io.convener.http.auth.AuthModule} binds it for
 * Guice. Every algorithm is pinned to its key, and every refusal carries its own {@link
 * io.convener.api.AuthenticationException.Reason}; {@code docs/auth.md} lists them.
 */
@NullMarked
package io.convener.http.auth;

import org.jspecify.annotations.NullMarked;
