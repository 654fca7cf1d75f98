package dev.vigil.keycloak;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Authenticator {@value #ID} ("Vigil risk check"). Settings come from the execution's config (per realm and flow:
 * {@code vigil.url}, {@code vigil.api-key}, {@code vigil.timeout-ms}, {@code vigil.fail-mode}) or, when the execution
 * has none, from the server's SPI configuration ({@code --spi-authenticator--vigil-risk-check--url=…}, same keys
 * without the prefix). One HTTP client per Vigil endpoint is shared by all logins.
 */
public final class VigilRiskCheckFactory implements AuthenticatorFactory {
  static final String ID = "vigil-risk-check";
  private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
      AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

  private final Map<VigilEndpoint, VigilClient> clients = new ConcurrentHashMap<>();
  private volatile @Nullable RiskCheckSettings serverSettings;

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Vigil risk check";
  }

  @Override
  public String getReferenceCategory() {
    return "vigil";
  }

  @Override
  public String getHelpText() {
    return "Asks Vigil about this login after the password step: continue, require an OTP code, or refuse.";
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
    return REQUIREMENTS.clone();
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return ProviderConfigurationBuilder.create()
        .property().name("vigil." + RiskCheckSettings.URL).label("Vigil URL").type(ProviderConfigProperty.STRING_TYPE)
        .helpText("Vigil's base address, e.g. https://vigil.example.com").add()
        .property().name("vigil." + RiskCheckSettings.API_KEY).label("API key").type(ProviderConfigProperty.PASSWORD)
        .secret(true).helpText("The tenant's API key (vgl_<id>_<secret>)").add()
        .property().name("vigil." + RiskCheckSettings.TIMEOUT_MS).label("Timeout (ms)")
        .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Long.toString(RiskCheckSettings.DEFAULT_TIMEOUT_MS))
        .helpText("How long a login waits for Vigil's answer").add()
        .property().name("vigil." + RiskCheckSettings.FAIL_MODE).label("When Vigil is unreachable")
        .type(ProviderConfigProperty.LIST_TYPE).options("open", "closed").defaultValue("open")
        .helpText("open: continue the login; closed: refuse it").add()
        .build();
  }

  /** The execution's settings, else the server's; null when neither is configured. */
  @Nullable RiskCheckSettings settings(@Nullable AuthenticatorConfigModel config) {
    if (config != null && config.getConfig() != null) {
      RiskCheckSettings fromExecution = RiskCheckSettings.fromConfig(config.getConfig());
      if (fromExecution != null) {
        return fromExecution;
      }
    }
    return serverSettings;
  }

  VigilClient client(VigilEndpoint endpoint) {
    return clients.computeIfAbsent(endpoint, VigilClient::new);
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return new VigilRiskCheck(this);
  }

  @Override
  public void init(Config.Scope config) {
    serverSettings = RiskCheckSettings.read(config::get);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
  }

  @Override
  public void close() {
    clients.clear();
  }
}
