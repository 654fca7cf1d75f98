package dev.vigil.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of every endpoint ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): the engine
 * API's two ways of sending an API key, the login service's access token for everything else, and the
 * problem+json answer every error shares.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static final String BEARER_SCHEME = "apiKeyBearer";
  static final String HEADER_SCHEME = "apiKeyHeader";
  static final String PROBLEM = "#/components/responses/Problem";
  static final String ACCESS_TOKEN_SCHEME = "accessToken";
  /** Paths anyone may call: registering, logging in, refreshing, and the signed single-use mail links. */
  private static final List<String> PUBLIC_PATHS = List.of("/auth/register", "/auth/login", "/auth/refresh",
      "/notify/");

  static final String LOGIN_EVENT_EXAMPLE = """
      {"eventId":"e-1","userId":"alice","timestamp":"2026-10-01T08:15:30Z","outcome":"SUCCESS",
       "ip":"81.2.69.160","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/142.0.0.0",
       "deviceId":"d-7f3a","authMethod":"password"}""";
  static final String ASSESSMENT_EXAMPLE = """
      {"eventId":"e-1","tenantId":"acme","userId":"alice","timestamp":"2026-10-01T08:15:30Z","outcome":"SUCCESS",
       "score":87,"level":"CRITICAL","decision":"CHALLENGE",
       "signals":[{"type":"IMPOSSIBLE_TRAVEL","severity":"HIGH","weight":0.52,"detail":"9,870 km in 20 min"}],
       "incidentId":null,"actions":["NOTIFY_USER","REQUIRE_MFA"],"mode":"ENFORCE","modelVersion":"2026.11-1",
       "latencyMicros":14}""";

  @Bean
  OpenAPI vigilOpenApi() {
    String keyFormat = "vgl_<id>_<secret>";
    return new OpenAPI()
        .info(new Info().title("Vigil engine API").version("v1")
            .description("Login-risk assessment, per tenant. Authenticate with the tenant's API key.")
            .license(new License().name("Apache-2.0")))
        .components(new Components()
            .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat(keyFormat).description("Authorization: Bearer " + keyFormat))
            .addSecuritySchemes(HEADER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("X-Api-Key: " + keyFormat))
            .addResponses("Problem", new ApiResponse()
                .description("an RFC 9457 problem: type, title, status, detail (and errors for invalid events, "
                    + "Retry-After for 429)")
                .content(new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new ObjectSchema())))))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME))
        .addSecurityItem(new SecurityRequirement().addList(HEADER_SCHEME));
  }

  /**
   * Every path is documented; each operation says how it is authenticated: the engine API by API key, the login
   * service's public entry points by nothing, "was this you?" links by their own signed token, everything else by
   * the login service's access token (and the role the security chain demands).
   */
  @Bean
  GlobalOpenApiCustomizer securityPerPath() {
    return openApi -> {
      openApi.getComponents().addSecuritySchemes(ACCESS_TOKEN_SCHEME, new SecurityScheme()
          .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
          .description("the login service's access token (POST /auth/login); /internal/** needs ANALYST or ADMIN, "
              + "/admin/** ADMIN"));
      openApi.getInfo().title("Vigil API").description("The engine API (per-tenant API keys) and the built-in "
          + "login service with its security, incident and admin endpoints (access tokens).");
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
        if (path.startsWith("/api/")) {
          return;
        }
        operation.setSecurity(PUBLIC_PATHS.stream().anyMatch(path::startsWith)
            ? List.of() : List.of(new SecurityRequirement().addList(ACCESS_TOKEN_SCHEME)));
      }));
    };
  }
}
