package dev.vigil.server.enforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Enforces on a Keycloak realm's users through the admin REST API, authenticated as a service-account client
 * (client credentials grant; the token is reused until shortly before it expires).
 *
 * <ul>
 *   <li>{@code FORCE_LOGOUT}: {@code POST /admin/realms/{realm}/users/{id}/logout} ends every session of the user
 *       (Keycloak has no per-session logout in its admin API for a user's own sessions, so {@code sessionIds} are
 *       not used). Its undo does nothing: Keycloak cannot reopen a session, so a rollback after a false positive
 *       leaves the user to sign in again.
 *   <li>{@code FREEZE}: the user is read and written back with {@code enabled=false} (a full representation, so no
 *       attribute is reset); its undo enables the user again — only when this action disabled it, so an account an
 *       administrator disabled before stays disabled.
 *   <li>{@code REQUIRE_MFA}: nothing to change; the login's {@code CHALLENGE} is enforced by the Vigil step in the
 *       browser flow at the moment of the login.
 * </ul>
 *
 * <p>A Vigil user id names the Keycloak user by username (what the Vigil Keycloak provider sends; exact match) or
 * by Keycloak id, as configured. An id that names no user of the realm changes nothing (like the built-in adapter
 * for a user that has no account there). Every other failure — Keycloak unreachable, token refused, any non-2xx —
 * throws, so the action is retried.
 *
 * <p>Actions on one user are carried out one at a time: a denial asks for {@code FORCE_LOGOUT} and {@code FREEZE}
 * together, the enforcement threads run them in parallel, and Keycloak loses the {@code enabled=false} of a user
 * update that overlaps the logout's write of the same user (seen against Keycloak 26.7: the user stayed enabled).
 */
final class KeycloakEnforcer implements Enforcer {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A token is renewed this long before Keycloak says it expires, so a call never carries an expired one. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(20);
  private static final int USER_LOCK_STRIPES = 64;

  private final String base;
  private final String realm;
  private final String clientId;
  private final String clientSecret;
  private final EnforceSettings.UserKey userKey;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;
  private final Object[] userLocks = new Object[USER_LOCK_STRIPES];
  private @Nullable String token;
  private Instant tokenExpiry = Instant.MIN;

  private KeycloakEnforcer(String base, String realm, String clientId, String clientSecret,
      EnforceSettings.Keycloak settings, Clock clock) {
    this.base = base;
    this.realm = realm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.userKey = settings.userKey();
    this.timeout = settings.timeout();
    this.clock = clock;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    for (int i = 0; i < userLocks.length; i++) {
      userLocks[i] = new Object();
    }
  }

  static KeycloakEnforcer of(EnforceSettings.Keycloak settings, Clock clock) {
    if (settings.baseUrl() == null || settings.realm() == null || settings.clientId() == null
        || settings.clientSecret() == null) {
      throw new IllegalStateException("vigil.enforce.adapter=keycloak needs vigil.enforce.keycloak.base-url, realm, "
          + "client-id and client-secret");
    }
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    return new KeycloakEnforcer(base, settings.realm(), settings.clientId(), settings.clientSecret(), settings,
        clock);
  }

  @Override
  public String name() {
    return "keycloak";
  }

  @Override
  public Applied apply(EnforcementRequest request) {
    synchronized (lockOf(request)) {
      return applyAlone(request);
    }
  }

  @Override
  public void undo(EnforcementRequest request, Applied applied) {
    synchronized (lockOf(request)) {
      undoAlone(request, applied);
    }
  }

  private Object lockOf(EnforcementRequest request) {
    return userLocks[Math.floorMod(request.target().id().hashCode(), userLocks.length)];
  }

  private Applied applyAlone(EnforcementRequest request) {
    return switch (request.action()) {
      case FORCE_LOGOUT -> {
        Optional<String> user = keycloakId(request.target().id());
        if (user.isEmpty()) {
          yield Applied.noted("no such user in Keycloak realm " + realm);
        }
        int sessions = call("GET", usersPath() + "/" + enc(user.get()) + "/sessions", null).size();
        call("POST", usersPath() + "/" + enc(user.get()) + "/logout", null);
        yield new Applied(sessions > 0, List.of(), null, sessions + " Keycloak session(s) ended");
      }
      case FREEZE -> {
        Optional<String> user = keycloakId(request.target().id());
        if (user.isEmpty()) {
          yield Applied.noted("no such user in Keycloak realm " + realm);
        }
        boolean changed = setEnabled(user.get(), false);
        yield new Applied(changed, List.of(), null, changed ? "disabled in Keycloak" : "disabled in Keycloak already");
      }
      case REQUIRE_MFA -> Applied.noted("the Vigil step of the Keycloak flow requires the second factor");
      case BLOCK, PAGE, NOTIFY_USER, OPEN_INCIDENT ->
          throw new IllegalArgumentException("not an account action: " + request.action());
    };
  }

  private void undoAlone(EnforcementRequest request, Applied applied) {
    switch (request.action()) {
      case FORCE_LOGOUT, REQUIRE_MFA -> { } // Keycloak cannot reopen ended sessions
      case FREEZE -> {
        if (applied.changed()) {
          keycloakId(request.target().id()).ifPresent(user -> setEnabled(user, true));
        }
      }
      case BLOCK, PAGE, NOTIFY_USER, OPEN_INCIDENT ->
          throw new IllegalArgumentException("not an account action: " + request.action());
    }
  }

  /** Sets the user's {@code enabled} flag; false when it had that value already. */
  private boolean setEnabled(String user, boolean enabled) {
    String path = usersPath() + "/" + enc(user);
    JsonNode current = call("GET", path, null);
    if (current.path("enabled").asBoolean(true) == enabled) {
      return false;
    }
    ObjectNode updated = ((ObjectNode) current).put("enabled", enabled);
    call("PUT", path, updated.toString());
    return true;
  }

  private Optional<String> keycloakId(String vigilUserId) {
    return switch (userKey) {
      case ID -> {
        JsonNode found = callOrMissing(usersPath() + "/" + enc(vigilUserId));
        yield found.isMissingNode() ? Optional.empty() : Optional.of(vigilUserId);
      }
      case USERNAME -> {
        String username = vigilUserId.toLowerCase(Locale.ROOT);
        JsonNode users = call("GET", usersPath() + "?exact=true&briefRepresentation=true&username=" + enc(username),
            null);
        for (JsonNode user : users) {
          if (username.equals(user.path("username").asText())) {
            yield Optional.of(user.path("id").asText());
          }
        }
        yield Optional.empty();
      }
    };
  }

  private String usersPath() {
    return "/admin/realms/" + enc(realm) + "/users";
  }

  private JsonNode callOrMissing(String path) {
    HttpResponse<String> response = send(adminRequest("GET", path, null));
    if (response.statusCode() == 404) {
      return JSON.missingNode();
    }
    return parse(check(response, "GET"));
  }

  private JsonNode call(String method, String path, @Nullable String body) {
    HttpResponse<String> response = send(adminRequest(method, path, body));
    if (response.statusCode() == 401) { // the token was revoked or the realm's keys rotated: one fresh try
      forgetToken();
      response = send(adminRequest(method, path, body));
    }
    return parse(check(response, method));
  }

  private HttpRequest adminRequest(String method, String path, @Nullable String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token())
        .header("Accept", "application/json");
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenExpiry)) {
      return token;
    }
    String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(base + "/realms/" + enc(realm) + "/protocol/openid-connect/token"))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII))
        .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new EnforcementFailedException("Keycloak refused the service-account token: HTTP "
          + response.statusCode());
    }
    JsonNode answer = parse(response.body());
    String issued = answer.path("access_token").asText("");
    if (issued.isEmpty()) {
      throw new EnforcementFailedException("Keycloak's token answer carries no access_token");
    }
    long lifetimeSeconds = answer.path("expires_in").asLong(60);
    token = issued;
    tokenExpiry = clock.instant().plusSeconds(lifetimeSeconds).minus(TOKEN_MARGIN);
    return issued;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EnforcementFailedException("Keycloak unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnforcementFailedException("interrupted while calling Keycloak", e);
    }
  }

  private static String check(HttpResponse<String> response, String method) {
    if (response.statusCode() / 100 != 2) {
      // The path is left out on purpose: it holds the user's id or username.
      throw new EnforcementFailedException("Keycloak admin API answered HTTP " + response.statusCode() + " to "
          + method);
    }
    return response.body();
  }

  private static JsonNode parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new EnforcementFailedException("Keycloak answered something that is not JSON", e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "KeycloakEnforcer[realm=" + realm + ", clientSecret=redacted]";
  }
}
