package example;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.platforms.PlatformContract;
import divak.report.Reporter;
import example.books.BooksTracing;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RESTEasy 7 on Undertow, deployed as a scanning container deploys an application: the
 * resources and providers its scan finds, {@code BookResource} and its decorator both. Which of
 * two resources for one route serves followed RESTEasy's registration order, which changes from
 * one JVM to the next; so each start of {@link #decoratorServesOnEveryStart} is a fresh JVM.
 */
class ResteasyScanningPlatformTest extends PlatformContract {
  private static final Pattern BOOK_ID = Pattern.compile("\"book\\.id\":\"([^\"]*)\"");

  @Override
  protected Running startTraced(Reporter reporter) throws Exception {
    BooksTracing.use(Divak.builder().serviceName("books").reporter(reporter).build());
    return ResteasyApps.start(true);
  }

  @Override
  protected Running startPlain() throws Exception {
    return ResteasyApps.startPlain();
  }

  /** {@code example.Main PORT scanning} in a new JVM, whose logged server span is read. */
  @Override
  protected String bookIdTagOfAFreshStart() throws Exception {
    int port = ResteasyApps.freePort();
    String java = ProcessHandle.current().info().command().orElseThrow();
    // The application's own logback.xml (spans on the console), not the tests' logback-test.xml.
    Process process = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"),
        "example.Main", Integer.toString(port), "scanning").redirectErrorStream(true).start();
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) lines.offer(line);
      } catch (Exception e) {
        lines.offer("reader failed: " + e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      await(lines, "books started on", 60);
      Running app = new Running() {
        @Override
        public URI uri() {
          return URI.create("http://127.0.0.1:" + port + "/");
        }

        @Override
        public void close() {
        }
      };
      assertThat(send(app, "GET", "books/7", null, Map.of()).statusCode()).isEqualTo(200);
      String span = await(lines, "\"kind\":\"SERVER\"", 10);
      Matcher tag = BOOK_ID.matcher(span);
      return tag.find() ? tag.group(1) : null;
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String await(BlockingQueue<String> lines, String text, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) continue;
      if (line.contains(text)) return line;
      seen.append(line).append('\n');
    }
    throw new AssertionError("no line with " + text + " in " + seconds + " s; output:\n" + seen);
  }

}
