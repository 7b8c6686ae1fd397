/**
 * JSON Web Token authentication: {@link io.convener.core.auth.TokenVerifiers#create} builds a
 * {@link io.convener.api.auth.TokenVerifier} from {@link io.convener.core.auth.TokenVerifierSettings}
 * (HS256 shared secrets, and RSA, EC and Ed25519 public keys from a JWKS that a {@link
 * io.convener.core.auth.JwksSource} supplies); {@link io.convener.core.auth.AuthModule} binds it for
 * Guice. Every algorithm is pinned to its key, and every refusal carries its own {@link
 * io.convener.api.AuthenticationException.Reason}; {@code docs/auth.md} lists them.
 */
@NullMarked
package io.convener.core.auth;

import org.jspecify.annotations.NullMarked;
