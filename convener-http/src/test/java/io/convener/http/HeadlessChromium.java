package io.convener.http;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests, driven by Selenium through the system's chromedriver:
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *   browser.driver().get(page);
 * }
 * }</pre>
 *
 * <p>It finds Debian's {@code chromium} and {@code chromedriver} (which CI installs, see {@code
 * .ci/run}) on the PATH or at their Debian paths, or where {@code CHROMIUM_BIN} and {@code
 * CHROMEDRIVER_BIN} point. Where either is missing, {@link #start()} skips the calling test, saying
 * which; it never downloads a browser (Selenium Manager is bypassed by naming the driver). Chromium
 * runs with the flags it needs as root and in containers ({@code --no-sandbox}, {@code
 * --disable-dev-shm-usage}) and a fresh profile. Tests that use it take the {@link #LOCK} resource
 * lock, so that browsers never run side by side on a small machine.
 */
final class HeadlessChromium implements AutoCloseable {
  /** The resource lock of browser tests ({@code @ResourceLock(HeadlessChromium.LOCK)}). */
  static final String LOCK = "headless-chromium";

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser, or skips the calling test when chromium or chromedriver cannot be found. */
  static HeadlessChromium start() throws Exception {
    Optional<Path> browser = find("CHROMIUM_BIN", List.of("chromium", "chromium-browser"),
        List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium"));
    Optional<Path> driverBinary = find("CHROMEDRIVER_BIN", List.of("chromedriver"),
        List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"));
    Assumptions.assumeTrue(browser.isPresent(),
        "skipped: no chromium found (PATH, /usr/bin/chromium, CHROMIUM_BIN); install Debian's chromium");
    Assumptions.assumeTrue(driverBinary.isPresent(), "skipped: no chromedriver found (PATH, /usr/bin/chromedriver,"
        + " /usr/lib/chromium/chromedriver, CHROMEDRIVER_BIN); install Debian's chromium-driver");
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions().setBinary(browser.get().toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driverBinary.get().toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20)).pageLoadTimeout(Duration.ofSeconds(20));
    return new HeadlessChromium(driver, profile);
  }

  /** The WebDriver of this browser. */
  ChromeDriver driver() {
    return driver;
  }

  /**
   * Runs JavaScript in the current page that ends by calling {@code done(value)} (the asynchronous
   * script's callback, named {@code done} here), and returns the value as text.
   */
  String run(String script) {
    Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];\n" + script);
    return String.valueOf(result);
  }

  /** Quits the browser and its driver and deletes the profile. */
  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * The first executable of: the path in the environment variable, each name in each PATH
   * directory, each given path.
   */
  static Optional<Path> find(String variable, List<String> names, List<String> paths) {
    List<Path> candidates = new ArrayList<>();
    String given = System.getenv(variable);
    if (given != null && !given.isBlank()) {
      candidates.add(Path.of(given));
    }
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      for (String name : names) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    paths.forEach(p -> candidates.add(Path.of(p)));
    return candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
  }
}
