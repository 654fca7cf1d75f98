package dev.vigil.server.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through {@code /usr/bin/chromedriver} (DESIGN.md §8), opened once per test
 * class. Without the driver the browser tests are skipped on a developer's machine and fail in CI ({@code CI} set),
 * where {@code .ci/run} installs it. The browser presents a desktop Chrome user agent, so the engine sees the same
 * client as the tests' HTTP logins from 127.0.0.1.
 *
 * <p>Screenshots go to {@code target/screenshots}, or to {@code -Dvigil.screenshots=<dir>} (relative to the
 * repository root), e.g. {@code -Dvigil.screenshots=docs/screenshots} to refresh the committed ones.
 */
final class Browser implements AutoCloseable {
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, int port) {
    this.driver = driver;
    this.base = "http://127.0.0.1:" + port;
  }

  static Browser open(int port) {
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    assumeTrue(Files.isExecutable(DRIVER) || ci,
        "browser tests skipped: no " + DRIVER + " (apt-get install chromium chromium-driver); CI runs them");
    ChromeOptions options = new ChromeOptions();
    if (Files.isExecutable(CHROMIUM)) {
      options.setBinary(CHROMIUM.toFile());
    }
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-agent=" + USER_AGENT, "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), port);
  }

  void go(String path) {
    driver.get(base + path);
  }

  /** Opens the login page for {@code next} with a clean tab state and signs in; waits until the page left. */
  void logIn(String next, String tenant, String email, String password) {
    go("/login.html?next=" + next);
    driver.executeScript("sessionStorage.clear()");
    type(By.id("tenant"), tenant);
    type(By.id("email"), email);
    type(By.id("password"), password);
    driver.findElement(By.id("sign-in")).click();
    await(d -> d.getCurrentUrl().endsWith(next) && !d.getCurrentUrl().contains("/login.html"));
  }

  /** Forgets the tab's tokens, as a new tab would have none. */
  void forgetTokens() {
    go("/login.html");
    driver.executeScript("sessionStorage.clear()");
  }

  /** Sets the device id the login page sends (the user's own browser, known to the engine). */
  void useDeviceId(String deviceId) {
    driver.executeScript("localStorage.setItem('vigil.deviceId', arguments[0])", deviceId);
  }

  /** The access token the page keeps in sessionStorage (to check the server's state as this user). */
  String accessToken() {
    return String.valueOf(driver.executeScript("return JSON.parse(sessionStorage.getItem('vigil.tokens')).access"));
  }

  void type(By field, String text) {
    WebElement input = visible(field);
    input.clear();
    input.sendKeys(text);
  }

  WebElement visible(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  String textOf(By locator) {
    return visible(locator).getText();
  }

  int count(By locator) {
    return driver.findElements(locator).size();
  }

  /** Scrolls the element to the top of the viewport (before a screenshot of it). */
  void scrollTo(By locator) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", visible(locator));
  }

  void click(By locator) {
    until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  void awaitText(By locator, String text) {
    until(ExpectedConditions.textToBe(locator, text));
  }

  <T> T await(Function<WebDriver, T> condition) {
    return until(condition::apply);
  }

  /** Waits for a condition; a timeout names the page the browser was on and what it showed. */
  private <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    try {
      // A section re-renders by replacing its elements; an element read while being replaced is simply read again.
      return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    } catch (TimeoutException e) {
      String text = driver.findElements(By.tagName("body")).isEmpty() ? ""
          : driver.findElement(By.tagName("body")).getText();
      throw new AssertionError("timed out on " + driver.getCurrentUrl() + " showing:\n" + text, e);
    }
  }

  /** Saves a PNG of the viewport as {@code <name>.png} in the screenshot directory; returns its path. */
  Path screenshot(String name) {
    Path dir = screenshotDirectory();
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path screenshotDirectory() {
    String configured = System.getProperty("vigil.screenshots");
    if (configured == null || configured.isBlank()) {
      return Path.of("target", "screenshots");
    }
    Path dir = Path.of(configured);
    if (dir.isAbsolute()) {
      return dir;
    }
    // Maven runs the tests in the module's directory; the documented paths are the repository's.
    Path root = Path.of("").toAbsolutePath();
    while (root.getParent() != null && !Files.exists(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    return root.resolve(dir);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
