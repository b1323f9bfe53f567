package example;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.platforms.PlatformContract.Running;
import divak.report.Reporter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Jersey on Jetty's servlet container, as Dropwizard runs it: the access line names the client's
 * address, which divak reads from the servlet request (Jakarta REST gives filters none).
 */
class DropwizardAccessLogTest {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void accessLineCarriesTheClientAddress() throws Exception {
    try (Running books = DropwizardApps.start(BooksApplication::new, Reporter.inMemory())) {
      // After the start: Dropwizard configures logback from books.yml (level WARN) as it starts.
      Logger access = (Logger) LoggerFactory.getLogger("divak.access");
      ListAppender<ILoggingEvent> lines = new ListAppender<>();
      lines.start();
      access.addAppender(lines);
      access.setLevel(Level.INFO);
      try {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(books.uri().resolve("books/7?x=1"))
                .header("Request-Id", "rid-dropwizard").header("User-Agent", "probe/1.0")
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        List<String> logged = await(lines);
        assertThat(logged).singleElement().satisfies(line -> assertThat(line).matches(
            "127\\.0\\.0\\.1 \"GET /books/7\\?x=1\" 200 \"probe/1\\.0\" \\d+\\.\\d{3} rid-dropwizard"));
      } finally {
        access.detachAppender(lines);
        access.setLevel(null);
      }
    }
  }

  /** The access lines, once one is written: after the response, maybe just after. */
  private static List<String> await(ListAppender<ILoggingEvent> lines) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (lines.list.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
    Thread.sleep(50); // and no second line for the same request
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
