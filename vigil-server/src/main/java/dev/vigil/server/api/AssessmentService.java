package dev.vigil.server.api;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.privacy.IpHasher;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assesses one event at most once per (tenant, eventId): a stored assessment is returned as it was first
 * written, across restarts; otherwise the engine assesses the event and the event and its assessment are stored
 * in one transaction before the answer leaves.
 *
 * <p>The engine is single-threaded, so one lock guards it. The lock is held until the rows are written, so two
 * concurrent requests with the same eventId cannot both reach the engine. Should the write fail, the engine has
 * already learned the event, but it also remembers the assessment by eventId: a retry gets the same verdict
 * without teaching the profile twice, and stores it.
 */
@Service
final class AssessmentService {
  private static final Logger LOG = LoggerFactory.getLogger(AssessmentService.class);

  private final ReentrantLock engineLock = new ReentrantLock();
  private final VigilEngine engine;
  private final LoginEventReader reader;
  private final AssessmentStore store;
  private final IpHasher ipHasher;
  private final UserAgentParser userAgents;
  private final Clock clock;

  AssessmentService(VigilEngine engine, LoginEventReader reader, AssessmentStore store, IpHasher ipHasher,
      UserAgentParser userAgents, Clock clock) {
    this.engine = engine;
    this.reader = reader;
    this.store = store;
    this.ipHasher = ipHasher;
    this.userAgents = userAgents;
    this.clock = clock;
  }

  /**
   * The assessment JSON of the event in {@code body}.
   *
   * @throws dev.vigil.core.event.InvalidEventException when the body is not a valid login event
   */
  String assess(byte[] body) {
    LoginEvent event = reader.read(body, 0, body.length);
    Optional<String> earlier = store.findAssessment(event.tenantId(), event.eventId());
    if (earlier.isPresent()) {
      LOG.debug("event {} of tenant {} already assessed; returning the stored assessment",
          event.eventId(), event.tenantId());
      return earlier.get();
    }
    StoredLogin login = new StoredLogin(event, ipHasher.hash(event.ip()), event.ip().masked(),
        event.userAgent() == null ? null : userAgents.parse(event.userAgent()).display(), clock.instant());
    engineLock.lock();
    try {
      earlier = store.findAssessment(event.tenantId(), event.eventId());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      Assessment assessment = engine.assess(event);
      String json = AssessmentJson.toJson(assessment);
      store.save(login, assessment, json);
      LOG.debug("assessed event {} of tenant {}: {} (score {}, signals {})", event.eventId(), event.tenantId(),
          assessment.decision(), assessment.score(), assessment.signalTypes());
      return json;
    } finally {
      engineLock.unlock();
    }
  }
}
