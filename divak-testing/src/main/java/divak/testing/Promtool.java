package divak.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus binaries from the Debian package {@code prometheus}: {@code promtool} and the
 * server. A test that needs one fails, never skips, when it is missing.
 */
public final class Promtool {
  /** What to do when a binary is missing. */
  public static final String INSTALL = "Install the Debian package 'prometheus' "
      + "(apt-get install -y --no-install-recommends prometheus), which brings promtool and the "
      + "Prometheus server";

  /** What {@code promtool check metrics} said: its exit code and its output. */
  public record Result(int exitCode, String output) {
  }

  /** Runs {@code promtool check metrics} on {@code exposition}. */
  public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(executable("promtool", "divak.promtool"), "check", "metrics")
        .redirectErrorStream(true)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool check metrics did not finish within 60 s");
    }
    return new Result(process.exitValue(), output.trim());
  }

  /**
   * The executable {@code name}: the system property {@code property}, else the first on the
   * PATH.
   *
   * @throws AssertionError when it is in neither place
   */
  public static String executable(String name, String property) {
    String configured = System.getProperty(property);
    if (configured != null && !configured.isBlank()) return configured;
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        File candidate = new File(dir, name);
        if (candidate.canExecute()) return candidate.getPath();
      }
    }
    throw new AssertionError(name + " was not found on the PATH. " + INSTALL + ", or point -D"
        + property + " at the binary.");
  }

  private Promtool() {
  }
}
