package dev.vigil.core;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Named fixtures for login events: places, networks and browsers that read like the scenario they build. */
public final class Logins {
  private static final AtomicLong IDS = new AtomicLong();

  public static final String CHROME_WIN_141 =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";
  public static final String CHROME_WIN_142 =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
  public static final String FIREFOX_LINUX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0";
  public static final String SAFARI_IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1";
  public static final String PYTHON_REQUESTS = "python-requests/2.32.3";

  /** Deutsche Telekom in Berlin. */
  public static final Place BERLIN = new Place("DE", "BE", "Berlin", 52.52, 13.40, 3320, "Deutsche Telekom AG", "81.2.69.");
  /** Vodafone in Munich. */
  public static final Place MUNICH = new Place("DE", "BY", "Munich", 48.14, 11.58, 3209, "Vodafone GmbH", "88.64.10.");
  /** Deutsche Telekom in Hamburg, 255 km from Berlin. */
  public static final Place HAMBURG = new Place("DE", "HH", "Hamburg", 53.55, 9.99, 3320, "Deutsche Telekom AG", "84.130.2.");
  /** Claro in São Paulo. */
  public static final Place SAO_PAULO = new Place("BR", "SP", "Sao Paulo", -23.55, -46.63, 28573, "Claro NXT", "177.32.5.");
  /** Comcast in Chicago. */
  public static final Place CHICAGO = new Place("US", "IL", "Chicago", 41.88, -87.63, 7922, "Comcast Cable", "73.44.1.");
  /** A cloud server in Frankfurt. */
  public static final Place FRANKFURT_CLOUD =
      new Place("DE", "HE", "Frankfurt", 50.11, 8.68, 16509, "Amazon.com, Inc.", "18.156.4.");
  /** A commercial VPN exit in Sao Paulo. */
  public static final Place SAO_PAULO_VPN =
      new Place("BR", "SP", "Sao Paulo", -23.55, -46.63, 9009, "M247 Europe SRL", "185.153.176.");

  private Logins() {}

  public static Builder login(String userId) {
    return new Builder(userId);
  }

  /**
   * A place with its network: country, city, coordinates, AS and a /24 whose addresses the fixtures use.
   */
  public record Place(String country, String region, String city, double lat, double lon, long asn, String asOrg,
      String prefix) {
    public Geo geo() {
      return new Geo(country, region, city, lat, lon, asn, asOrg);
    }

    public IpAddress ip(int host) {
      return IpAddress.parse(prefix + host);
    }
  }

  /** A fluent event builder; every field has a sensible default. */
  public static final class Builder {
    private final String userId;
    private String tenantId = "acme";
    private Instant at = Instant.parse("2026-10-01T09:00:00Z");
    private Outcome outcome = Outcome.SUCCESS;
    private FailureReason reason;
    private Place place = BERLIN;
    private int host = 10;
    private String userAgent = CHROME_WIN_142;
    private String deviceId = null;
    private String eventId = null;
    private boolean withGeo = true;

    private Builder(String userId) {
      this.userId = userId;
    }

    public Builder tenant(String tenant) {
      this.tenantId = tenant;
      return this;
    }

    public Builder at(String instant) {
      this.at = Instant.parse(instant);
      return this;
    }

    public Builder at(Instant instant) {
      this.at = instant;
      return this;
    }

    public Builder from(Place newPlace) {
      this.place = newPlace;
      return this;
    }

    public Builder host(int newHost) {
      this.host = newHost;
      return this;
    }

    public Builder userAgent(String ua) {
      this.userAgent = ua;
      return this;
    }

    public Builder device(String id) {
      this.deviceId = id;
      return this;
    }

    /** Leaves the event's geo out, as a source without geo data would. */
    public Builder withoutGeo() {
      this.withGeo = false;
      return this;
    }

    public Builder eventId(String id) {
      this.eventId = id;
      return this;
    }

    public Builder failed(FailureReason why) {
      this.outcome = Outcome.FAILURE;
      this.reason = why;
      return this;
    }

    public LoginEvent event() {
      String id = eventId != null ? eventId : "e-" + IDS.incrementAndGet();
      return new LoginEvent(id, tenantId, userId, at, outcome, reason, place.ip(host), userAgent, deviceId,
          withGeo ? place.geo() : null, "password", null, Map.of(), Set.of());
    }

    /** The same login repeated daily at this hour for {@code days} days, with a fresh address now and then. */
    public List<LoginEvent> daily(int days) {
      List<LoginEvent> events = new ArrayList<>();
      Instant start = at;
      for (int d = 0; d < days; d++) {
        at = start.plus(Duration.ofDays(d));
        events.add(event());
      }
      at = start;
      return events;
    }
  }
}
