package dev.vigil.server.engine;

import dev.vigil.core.ProfileSummary;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.alert.SecurityAlert;
import dev.vigil.server.privacy.IpHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way a login reaches the engine, whoever sends it (engine API, built-in login service, adapters).
 * Assesses each (tenant, eventId) at most once: a stored assessment is returned as it was first written, across
 * restarts; otherwise the engine assesses the event, and the event, its assessment and its alert are stored in
 * one transaction before the answer leaves.
 *
 * <p>The engine is single-threaded, so one lock guards it. The lock is held until the rows are written, so two
 * concurrent requests with the same eventId cannot both reach the engine. Should the write fail, the engine has
 * already learned the event, but it also remembers the assessment by eventId: a retry gets the same verdict
 * without teaching the profile twice, and stores it.
 */
@Service
public final class LoginPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(LoginPipeline.class);

  private final ReentrantLock engineLock = new ReentrantLock();
  private final VigilEngine engine;
  private final LoginEventReader reader;
  private final LoginStore store;
  private final AlertStore alerts;
  private final IpHasher ipHasher;
  private final UserAgentParser userAgents;
  private final Clock clock;

  LoginPipeline(VigilEngine engine, LoginEventReader reader, LoginStore store, AlertStore alerts,
      IpHasher ipHasher, UserAgentParser userAgents, Clock clock) {
    this.engine = engine;
    this.reader = reader;
    this.store = store;
    this.alerts = alerts;
    this.ipHasher = ipHasher;
    this.userAgents = userAgents;
    this.clock = clock;
  }

  /**
   * Parses and assesses the event in {@code body}.
   *
   * @throws dev.vigil.core.event.InvalidEventException when the body is not a valid login event
   */
  public AssessedLogin assess(byte[] body) {
    return assess(reader.read(body, 0, body.length));
  }

  /** Assesses an event built in this process (the login service's own attempts). */
  public AssessedLogin assess(LoginEvent event) {
    Optional<String> earlier = store.findAssessment(event.tenantId(), event.eventId());
    if (earlier.isPresent()) {
      LOG.debug("event {} of tenant {} already assessed; returning the stored assessment",
          event.eventId(), event.tenantId());
      return new AssessedLogin(earlier.get(), null, Optional.empty());
    }
    Instant received = clock.instant();
    StoredLogin login = new StoredLogin(event, ipHasher.hash(event.ip()), event.ip().masked(),
        event.userAgent() == null ? null : userAgents.parse(event.userAgent()).display(),
        LoginEventWriter.toJson(event), received);
    engineLock.lock();
    try {
      earlier = store.findAssessment(event.tenantId(), event.eventId());
      if (earlier.isPresent()) {
        return new AssessedLogin(earlier.get(), null, Optional.empty());
      }
      Assessment assessment = engine.assess(event);
      String json = AssessmentJson.toJson(assessment);
      Optional<SecurityAlert> alert = store.save(login, assessment, json,
          () -> alerts.record(assessment, received));
      LOG.debug("assessed event {} of tenant {}: {} (score {}, signals {})", event.eventId(), event.tenantId(),
          assessment.decision(), assessment.score(), assessment.signalTypes());
      return new AssessedLogin(json, assessment, alert);
    } finally {
      engineLock.unlock();
    }
  }

  /** What the engine knows of a user now; empty when it has never seen them. */
  public Optional<ProfileSummary> profileSummary(String tenantId, String userId) {
    engineLock.lock();
    try {
      return engine.profileSummary(tenantId, userId);
    } finally {
      engineLock.unlock();
    }
  }

  /**
   * Tells the engine that a login was really the user (a passed second factor, a "yes, it was me", an analyst's
   * false-positive verdict), so the profile learns it fully.
   *
   * @return whether the engine still remembered that login
   */
  public boolean confirm(String tenantId, String eventId) {
    engineLock.lock();
    try {
      return engine.confirm(tenantId, eventId);
    } finally {
      engineLock.unlock();
    }
  }
}
