package divak.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;

/**
 * A request whose {@code Uni} or stage moves to another thread before the traced bean runs: the
 * bean's span is still a child of the request's span, and its log line has the request's ids.
 */
@QuarkusTest
class ThreadHopTest {
  private static final Logger BOOK_SERVICE = Logger.getLogger(BookService.class.getName());

  @Inject InMemoryReporter reporter;
  private final LogLines lines = new LogLines();
  private Level levelBefore;

  @BeforeEach
  void listen() {
    reporter.clear();
    levelBefore = BOOK_SERVICE.getLevel();
    BOOK_SERVICE.setLevel(Level.FINE);
    BOOK_SERVICE.addHandler(lines);
  }

  @AfterEach
  void stopListening() {
    BOOK_SERVICE.removeHandler(lines);
    BOOK_SERVICE.setLevel(levelBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/books/2/worker,   /books/{id}/worker",   // Uni.emitOn(the default worker pool)
      "/books/2/executor, /books/{id}/executor", // ManagedExecutor.supplyAsync
  })
  void theBeanOnAnotherThreadIsAChildAndLogsTheRequestsIds(String path, String route)
      throws Exception {
    String requestId = UUID.randomUUID().toString();
    String title = given().header("Request-Id", requestId)
        .when().get(path)
        .then().statusCode(200).header("Request-Id", requestId)
        .extract().path("title");
    assertThat(title).isEqualTo("A Wizard of Earthsea");

    List<FinishedSpan> trace = Spans.ofRequest(reporter, requestId);
    FinishedSpan server = trace.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst()
        .orElseThrow();
    assertThat(server.name()).isEqualTo("GET " + route);
    FinishedSpan find = trace.stream().filter(s -> "BookService.find".equals(s.name()))
        .findFirst().orElseThrow(() -> new AssertionError("no BookService.find in " + trace));
    assertThat(find.context().parentId()).as("BookService.find's parent")
        .isEqualTo(server.context().spanId());

    LogLine line = lines.withRequestId(requestId);
    assertThat(line.thread()).as("the thread BookService.find ran on")
        .doesNotContain("eventloop");
    assertThat(line.traceId()).isEqualTo(server.context().traceIdString());
    assertThat(line.spanId()).isEqualTo(find.context().spanIdString());
  }

  /** A log line of BookService with the MDC of the thread that wrote it. */
  record LogLine(String thread, String traceId, String spanId, String requestId) {
  }

  /** Keeps BookService's log lines, with the ids the MDC held when each was written. */
  static final class LogLines extends Handler {
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
      lines.add(new LogLine(Thread.currentThread().getName(), MDC.get("traceId"),
          MDC.get("spanId"), MDC.get("requestId")));
    }

    LogLine withRequestId(String requestId) {
      return lines.stream().filter(l -> requestId.equals(l.requestId())).findFirst()
          .orElseThrow(() -> new AssertionError("no BookService line with requestId "
              + requestId + " in " + lines));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
