package dev.vigil.server.risk;

import dev.vigil.server.access.ApiCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{userId}/risk}: the engine's profile summary of a user of the caller's tenant, their
 * recent assessments and their unread alert count. A user of another tenant is as unknown as a user who never
 * logged in.
 */
@RestController
@Tag(name = "engine")
final class UserRiskController {
  private final UserRisks risks;

  UserRiskController(UserRisks risks) {
    this.risks = risks;
  }

  @Operation(summary = "A user's risk: profile summary, recent assessments (newest first), unread alerts",
      responses = {
          @ApiResponse(responseCode = "200", description = "the user's risk"),
          @ApiResponse(responseCode = "400", ref = "#/components/responses/Problem"),
          @ApiResponse(responseCode = "401", ref = "#/components/responses/Problem"),
          @ApiResponse(responseCode = "404", ref = "#/components/responses/Problem"),
          @ApiResponse(responseCode = "429", ref = "#/components/responses/Problem")})
  @GetMapping(path = "/api/v1/users/{userId}/risk", produces = MediaType.APPLICATION_JSON_VALUE)
  UserRisk risk(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
      @PathVariable String userId,
      @Parameter(description = "how many recent assessments, 1 to 100")
      @RequestParam(defaultValue = "20") @Min(1) @Max(UserRisks.MAX_LIMIT) int limit) {
    return risks.of(caller.tenantId(), userId, limit);
  }
}
