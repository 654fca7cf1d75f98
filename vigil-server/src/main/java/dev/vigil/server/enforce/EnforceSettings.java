package dev.vigil.server.enforce;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How actions are carried out.
 *
 * @param adapter which {@link Enforcer} carries out account actions
 * @param webhook the webhook adapter's endpoint (required when {@code adapter = webhook})
 * @param keycloak the Keycloak adapter's server, realm and service-account client (required when
 *     {@code adapter = keycloak})
 * @param maxAttempts attempts per action (and per undo) before it stays FAILED / UNDO_FAILED for an analyst
 * @param retryInterval how often failed actions and partial rollbacks are retried
 * @param threads threads that carry out actions after the detecting transaction commits
 */
@Validated
@ConfigurationProperties("vigil.enforce")
public record EnforceSettings(
    @DefaultValue("builtin") Adapter adapter,
    @DefaultValue Webhook webhook,
    @DefaultValue Keycloak keycloak,
    @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
    @DefaultValue("PT5S") Duration retryInterval,
    @DefaultValue("2") @Min(1) @Max(64) int threads) {

  /** The enforcement adapters. */
  public enum Adapter {
    /** Vigil's own sessions and accounts ({@link AccountControl}). */
    BUILTIN,
    /** A signed webhook to the customer's system. */
    WEBHOOK,
    /** A Keycloak realm's users, through its admin REST API ({@link KeycloakEnforcer}). */
    KEYCLOAK
  }

  /**
   * @param url where actions are POSTed
   * @param secret the shared HMAC secret (at least 16 bytes); keep it out of logs and version control
   * @param timeout connect and response timeout per call
   */
  public record Webhook(@Nullable URI url, @Nullable String secret, @DefaultValue("PT2S") Duration timeout) {
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=redacted, timeout=" + timeout + "]";
    }
  }

  /**
   * @param baseUrl Keycloak's address, e.g. {@code https://sso.example.com} (without {@code /realms/…})
   * @param realm the realm whose users Vigil's user ids name
   * @param clientId a confidential client of that realm with a service account holding the {@code realm-management}
   *     roles {@code manage-users} and {@code view-users}
   * @param clientSecret that client's secret; keep it out of logs and version control
   * @param userKey how a Vigil user id names a Keycloak user: its {@code username} (what the Vigil provider sends)
   *     or its Keycloak {@code id}
   * @param timeout connect and response timeout per call
   */
  public record Keycloak(@Nullable URI baseUrl, @Nullable String realm, @Nullable String clientId,
      @Nullable String clientSecret, @DefaultValue("username") UserKey userKey,
      @DefaultValue("PT2S") Duration timeout) {
    @Override
    public String toString() {
      return "Keycloak[baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId
          + ", clientSecret=redacted, userKey=" + userKey + ", timeout=" + timeout + "]";
    }
  }

  /** How a Vigil user id is looked up in Keycloak. */
  public enum UserKey {
    /** The user id is the Keycloak username (exact match; Keycloak stores usernames in lower case). */
    USERNAME,
    /** The user id is the Keycloak user's id (a UUID). */
    ID
  }
}
