package dev.vigil.server.notify;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two links of the "was this you?" mail, answered with a small HTML page for the user's browser. The token
 * is the only credential; it is not logged and pages do not echo it.
 */
@RestController
final class LoginCheckController {
  private final LoginCheckService service;

  LoginCheckController(LoginCheckService service) {
    this.service = service;
  }

  @GetMapping(path = "/notify/confirm/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> confirm(@PathVariable String token) {
    return page(service.confirm(token));
  }

  @GetMapping(path = "/notify/report/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> report(@PathVariable String token) {
    return page(service.report(token));
  }

  private static ResponseEntity<String> page(LoginCheckService.Answer answer) {
    record Page(HttpStatus status, String title, String text) {}
    Page page = switch (answer) {
      case CONFIRMED -> new Page(HttpStatus.OK, "Thanks for confirming",
          "We have noted that this sign-in was you. Nothing else to do.");
      case REPORTED -> new Page(HttpStatus.OK, "Thanks, we are on it",
          "We have told the security team that this sign-in was not you. Change your password now.");
      case ALREADY_USED -> new Page(HttpStatus.CONFLICT, "This link was already used",
          "You have already answered for this sign-in. If that answer was wrong, contact your security team.");
      case EXPIRED -> new Page(HttpStatus.GONE, "This link has expired",
          "This link is too old to use. If you did not sign in, change your password and contact your security team.");
      case INVALID -> new Page(HttpStatus.NOT_FOUND, "This link is not valid",
          "This link is incomplete or was changed. Open it again from the email.");
    };
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + page.title()
        + "</title></head><body style=\"font-family: sans-serif\"><h1>" + page.title() + "</h1><p>" + page.text()
        + "</p></body></html>";
    return ResponseEntity.status(page.status()).contentType(MediaType.TEXT_HTML).body(html);
  }
}
