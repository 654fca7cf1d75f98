package dev.vigil.server.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues and verifies the HS256 JWT access tokens. A token names its user, tenant and session; a valid signature
 * and expiry are necessary but not sufficient: {@link AccessTokenFilter} also checks that the session is still
 * open and the user not frozen, because those change before a token expires.
 *
 * <p>Only HS256 is accepted (the header's algorithm is checked, so a token cannot choose a weaker one), and
 * expiry is judged by the injected clock. Thread-safe.
 */
final class AccessTokens {
  static final String TENANT_CLAIM = "tid";
  static final String SESSION_CLAIM = "sid";
  static final String ROLE_CLAIM = "role";

  /** Ours are ~400 characters; a bound keeps parsing cheap whatever a client sends. */
  private static final int MAX_TOKEN_CHARS = 4096;
  /** Three base64url parts and nothing else: no padding, whitespace or characters the decoder would skip. */
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final String issuer;
  private final Duration ttl;
  private final Clock clock;

  AccessTokens(byte[] key, String issuer, Duration ttl, Clock clock) {
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the access-token signing key is unusable for HS256", e);
    }
    this.issuer = requireNonNull(issuer, "issuer");
    this.ttl = requireNonNull(ttl, "ttl");
    this.clock = requireNonNull(clock, "clock");
  }

  /** A signed token for this session, valid for the configured lifetime from now. */
  IssuedToken issue(UUID userId, String tenantId, UUID sessionId, Role role) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(userId.toString())
        .claim(TENANT_CLAIM, tenantId)
        .claim(SESSION_CLAIM, sessionId.toString())
        .claim(ROLE_CLAIM, role.name())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return new IssuedToken(jwt.serialize(), ttl);
  }

  /** Checks signature, algorithm, issuer and expiry; says why a token is refused. */
  Verification verify(String token) {
    if (token.length() > MAX_TOKEN_CHARS || !COMPACT_JWS.matcher(token).matches()) {
      return new Verification.Invalid();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)
          || !canonical(jwt.getSignature())) {
        return new Verification.Invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!issuer.equals(claims.getIssuer()) || expires == null || claims.getSubject() == null) {
        return new Verification.Invalid();
      }
      if (!clock.instant().isBefore(expires.toInstant())) {
        return new Verification.Expired();
      }
      return new Verification.Valid(UUID.fromString(claims.getSubject()),
          requireNonNull(claims.getStringClaim(TENANT_CLAIM), TENANT_CLAIM),
          UUID.fromString(requireNonNull(claims.getStringClaim(SESSION_CLAIM), SESSION_CLAIM)));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return new Verification.Invalid();
    }
  }

  /**
   * Whether the signature is written the one way our encoder writes it. Base64url leaves spare bits in the last
   * character, and Nimbus's decoder skips characters outside the alphabet, so without this check many texts
   * carry the same signature: TokenFuzzTest found {@code …-www怮aAE} accepted in place of {@code …-wwwaAE}. Not a
   * forgery (the claims are untouched), but a token must have exactly one spelling, or anything that remembers
   * tokens by their text (a deny list, a log) can be walked around.
   */
  private static boolean canonical(Base64URL signature) {
    return Base64URL.encode(signature.decode()).toString().equals(signature.toString());
  }

  /** A token and how long it lives. */
  record IssuedToken(String token, Duration expiresIn) {
    @Override
    public String toString() {
      return "IssuedToken[redacted, expiresIn=" + expiresIn + "]";
    }
  }

  /** What a presented token turned out to be. */
  sealed interface Verification {
    /** Signed by us, unexpired; the session still has to be checked. */
    record Valid(UUID userId, String tenantId, UUID sessionId) implements Verification {}

    /** Signed by us but past its expiry. */
    record Expired() implements Verification {}

    /** Not a token of ours. */
    record Invalid() implements Verification {}
  }

  @Override
  public String toString() {
    return "AccessTokens[key=redacted]";
  }
}
