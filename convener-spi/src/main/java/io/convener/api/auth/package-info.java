/**
 * Authentication of callers: a {@link io.convener.api.auth.TokenVerifier} turns a bearer token
 * into the {@link io.convener.api.Principal} it speaks for, or refuses it with an {@link
 * io.convener.api.AuthenticationException} whose {@link
 * io.convener.api.AuthenticationException.Reason} says exactly why. The default implementation,
 * for JSON Web Tokens, lives in {@code io.convener.http.auth}.
 */
@NullMarked
package io.convener.api.auth;

import org.jspecify.annotations.NullMarked;
