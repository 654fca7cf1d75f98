package dev.vigil.keycloak;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Event listener {@value #ID}: add it to a realm's event listeners to send its {@code LOGIN} and {@code LOGIN_ERROR}
 * events to Vigil. Configured once per Keycloak server:
 * <pre>
 * --spi-events-listener--vigil--url=https://vigil.example.com
 * --spi-events-listener--vigil--api-key=vgl_…           (keep it in a secret, e.g. KC_SPI_… env or a keystore)
 * --spi-events-listener--vigil--timeout-ms=1500          (per call, on the shipper's own thread)
 * --spi-events-listener--vigil--queue-capacity=10000     (records waiting; more are dropped and counted)
 * </pre>
 * Without a URL and key the listener does nothing and says so once at start.
 */
public final class VigilEventListenerFactory implements EventListenerProviderFactory {
  static final String ID = "vigil";
  private static final Logger LOG = Logger.getLogger(VigilEventListenerFactory.class);
  private static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  private volatile @Nullable EventShipper shipper;

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public void init(Config.Scope config) {
    RiskCheckSettings settings = RiskCheckSettings.read(config::get);
    if (settings == null) {
      LOG.warn("Vigil event listener is not configured (spi events-listener vigil: url, api-key); "
          + "it will send nothing");
      return;
    }
    int capacity = config.getInt(RiskCheckSettings.QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY);
    shipper = new EventShipper(new VigilClient(settings.endpoint()), capacity);
    LOG.infof("Vigil event listener sends login events to %s (queue %d)", settings.endpoint().baseUrl(), capacity);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
  }

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new VigilEventListener(session, shipper);
  }

  @Override
  public void close() {
    EventShipper current = shipper;
    if (current != null) {
      current.close();
    }
  }
}
