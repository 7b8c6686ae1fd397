package io.convener.api.auth;

import io.convener.api.AuthenticationException;
import io.convener.api.Principal;

/**
 * Checks a bearer token and says who it speaks for. A token is accepted only when every check
 * passes: its form, its signature under a key the verifier trusts and the algorithm pinned to that
 * key, its validity period, its issuer and audience, and the tenant it names. Anything else is
 * refused with an {@link AuthenticationException} whose {@link AuthenticationException#reason()}
 * tells the kinds of failure apart; the exception's message never contains the token.
 *
 * <p>Implementations are thread-safe: one instance serves every request of a host.
 */
public interface TokenVerifier {
  /**
   * Verifies a token and maps its claims to a principal.
   *
   * @param bearerToken the token as received; an {@code Authorization} header value with its
   *     {@code Bearer } scheme (any case) is accepted too
   * @return the principal the token speaks for; never {@code null}
   * @throws AuthenticationException when the token is refused, with the reason
   * @throws NullPointerException when {@code bearerToken} is {@code null}
   */
  Principal verify(String bearerToken);
}
