package dev.vigil.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser on one network: its own cookies, a fixed User-Agent, and a source address that Keycloak (started with
 * {@code --proxy-headers=xforwarded}) takes from {@code X-Forwarded-For}. Drives the authorization-code login of a
 * public client with plain HTTP: open the authorization URL, post the login form, post the OTP form.
 */
final class Browser {
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

  private final String keycloak;
  private final String realm;
  private final String sourceIp;
  private final String userAgent;
  private final HttpClient http;
  /**
   * The cookies Keycloak set, by name. Kept by hand: Keycloak marks its cookies {@code Secure}, which
   * {@code java.net.CookieManager} then withholds over the plain HTTP of a dev-mode server; every request here goes
   * to that one server, so domain and path need no matching.
   */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(String keycloak, String realm, String sourceIp, String userAgent) {
    this.keycloak = keycloak;
    this.realm = realm;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Where a login ended: signed in (redirected to the client with a code), asked for an OTP code, or refused. */
  record Page(int status, String location, String body) {
    boolean signedIn() {
      return status == 302 && location != null && location.contains("code=") && !location.contains("error=");
    }

    boolean asksForOtp() {
      return status == 200 && body.contains("name=\"otp\"");
    }

    String formAction() {
      Matcher matcher = FORM_ACTION.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no form on the page (HTTP " + status + "): " + body);
      }
      return matcher.group(1).replace("&amp;", "&");
    }
  }

  /** Opens the login page and submits the username and password. */
  Page logIn(String clientId, String redirectUri, String username, String password) {
    Page loginPage = get(keycloak + "/realms/" + realm + "/protocol/openid-connect/auth?response_type=code&scope=openid"
        + "&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri));
    if (loginPage.status() != 200) {
      throw new AssertionError("no login page: HTTP " + loginPage.status() + " " + loginPage.location());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    form.put("credentialId", "");
    return post(loginPage.formAction(), form);
  }

  /** Submits an OTP code on the OTP page. */
  Page submitOtp(Page otpPage, String code) {
    return post(otpPage.formAction(), Map.of("otp", code));
  }

  private Page get(String url) {
    return send(request(url).GET().build());
  }

  private Page post(String url, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("User-Agent", userAgent)
        .header("X-Forwarded-For", sourceIp);
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          String value = pair.substring(eq + 1);
          boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
          if (expired || value.isEmpty()) {
            cookies.remove(pair.substring(0, eq));
          } else {
            cookies.put(pair.substring(0, eq), value);
          }
        }
      }
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
