package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The lean path of {@code /api/v1/assess} ({@link AssessFastPath}) with the server's real beans: it answers a plain
 * JSON assessment itself, with the API chain's headers and problems, and hands anything else down the chain unread.
 * The error contract end to end is pinned by AssessApiTests, HostileHttpTests and RouteIsolationTests, which go
 * through it.
 */
@ServerTest
final class AssessFastPathTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  ApplicationContext context;

  @Autowired
  FilterRegistrationBean<AssessFastPath> registration;

  private TestTenant caller;

  @BeforeEach
  void createTenant() {
    caller = TestTenant.create(keys, port);
  }

  @Test
  void runsAheadOfSpringSecuritysFilterChain() {
    int security = context.getBeansOfType(AbstractFilterRegistrationBean.class).entrySet().stream()
        .filter(entry -> entry.getKey().equals("securityFilterChainRegistration"))
        .mapToInt(entry -> entry.getValue().getOrder()).findFirst().orElseThrow();
    assertThat(registration.getOrder()).isLessThan(security);
    assertThat(registration.getUrlPatterns()).containsExactly("/api/v1/assess");
  }

  @Test
  void answersAPlainJsonAssessmentItselfWithTheApiChainsSecurityHeaders() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean passedOn = new AtomicBoolean();

    filter().doFilter(assess("application/json", caller.key().key()), response, chainThatRecords(passedOn));

    assertThat(passedOn).isFalse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/json");
    JsonNode answer = JSON.readTree(response.getContentAsString());
    assertThat(answer.path("eventId").asText()).isEqualTo("fast-1");
    assertThat(answer.path("tenantId").asText()).isEqualTo(caller.id());
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void answersAnUnknownKeyWith401ProblemWithoutTheChain() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean passedOn = new AtomicBoolean();

    filter().doFilter(assess("application/json", "vgl_0000000000000000_nope"), response, chainThatRecords(passedOn));

    assertThat(passedOn).isFalse();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString()).path("type").asText())
        .isEqualTo("https://vigil.dev/problems/unauthenticated");
  }

  @Test
  void handsANonJsonBodyToTheChainUnread() throws Exception {
    MockHttpServletRequest request = assess("text/plain", caller.key().key());
    AtomicBoolean passedOn = new AtomicBoolean();

    filter().doFilter(request, new MockHttpServletResponse(), chainThatRecords(passedOn));

    assertThat(passedOn).isTrue();
    assertThat(request.getInputStream().readAllBytes()).as("body left for the chain").isNotEmpty();
  }

  @Test
  void handsARequestThatDoesNotAcceptJsonToTheChain() throws Exception {
    MockHttpServletRequest request = assess("application/json", caller.key().key());
    request.addHeader("Accept", "text/html");
    AtomicBoolean passedOn = new AtomicBoolean();

    filter().doFilter(request, new MockHttpServletResponse(), chainThatRecords(passedOn));

    assertThat(passedOn).isTrue();
  }

  private Filter filter() {
    return registration.getFilter();
  }

  private MockHttpServletRequest assess(String contentType, String key) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assess");
    request.setContentType(contentType);
    request.addHeader("Authorization", "Bearer " + key);
    request.setContent("""
        {"eventId":"fast-1","userId":"alice","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS",\
        "ip":"81.2.69.160"}""".getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static MockFilterChain chainThatRecords(AtomicBoolean passedOn) {
    return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req,
          jakarta.servlet.http.HttpServletResponse res) {
        passedOn.set(true);
      }
    });
  }
}
