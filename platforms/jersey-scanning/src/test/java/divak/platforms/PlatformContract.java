package divak.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * What every platform module shows, over HTTP on 127.0.0.1, for the books application written
 * the way that platform writes applications: the same answers as the application without divak's
 * generated classes, one SERVER span per request named by its route with the {@code @Tag} values,
 * the Request-Id, the incoming trace continued, the platform-injected {@code @Traced} bean being
 * the decorator, and the decorator serving on every start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformContract {
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  protected final InMemoryReporter reporter = Reporter.inMemory();
  private Running traced;
  private Running plain;

  /** A started application. */
  public interface Running extends AutoCloseable {
    /** Where it serves, ending with {@code /}. */
    URI uri();

    @Override
    void close();
  }

  /**
   * Starts the application as written, with divak as the README says; its {@code Divak} reports
   * to {@code reporter}.
   */
  protected abstract Running startTraced(Reporter reporter) throws Exception;

  /**
   * Starts the same application without what the processor generated and without divak: the
   * original resources and beans where the application names decorators.
   */
  protected abstract Running startPlain() throws Exception;

  /** The requests whose answers must not change: method, path and body (null for none). */
  protected List<String[]> requests() {
    return List.of(
        new String[] {"GET", "books/7", null},
        new String[] {"GET", "books/7/copies", null},
        new String[] {"GET", "books/0", null},
        new String[] {"GET", "books/x", null},
        new String[] {"POST", "books", "Dune"},
        new String[] {"GET", "nothing/here", null},
        new String[] {"DELETE", "books/7", null});
  }

  @BeforeAll
  void start() throws Exception {
    traced = startTraced(reporter);
    plain = startPlain();
  }

  @AfterAll
  void stop() {
    if (traced != null) traced.close();
    if (plain != null) plain.close();
  }

  @BeforeEach
  void clear() throws InterruptedException {
    Thread.sleep(20); // the previous test's spans, reported after its response
    reporter.clear();
  }

  @Test
  void answersAsTheApplicationWithoutTheProcessor() throws Exception {
    for (String[] request : requests()) {
      HttpResponse<String> expected = send(plain, request[0], request[1], request[2], Map.of());
      HttpResponse<String> actual = send(traced, request[0], request[1], request[2], Map.of());
      String what = request[0] + " /" + request[1];
      assertThat(actual.statusCode()).as(what).isEqualTo(expected.statusCode());
      assertThat(actual.body()).as(what).isEqualTo(expected.body());
    }
  }

  @Test
  void oneServerSpanPerRequestNamedByTheRouteWithTheTags() throws Exception {
    HttpResponse<String> response = send(traced, "GET", "books/7", null, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    FinishedSpan span = onlyServerSpan();
    assertThat(span.name()).isEqualTo("GET /books/{id}");
    assertThat(span.tag("http.route")).isEqualTo("/books/{id}");
    assertThat(span.tag("book.id")).as("the @Tag: the decorator served").isEqualTo("7");

    send(traced, "POST", "books", "Dune", Map.of());
    FinishedSpan post = onlyServerSpan();
    assertThat(post.name()).isEqualTo("POST /books");
    assertThat(post.tag("book.title")).isEqualTo("Dune");
  }

  @Test
  void requestIdIsRelayedAndGenerated() throws Exception {
    HttpResponse<String> relayed =
        send(traced, "GET", "books/7", null, Map.of("Request-Id", "order-4711"));
    assertThat(relayed.headers().firstValue("Request-Id")).hasValue("order-4711");
    assertThat(onlyServerSpan().context().requestId()).isEqualTo("order-4711");

    HttpResponse<String> generated = send(traced, "GET", "books/7", null, Map.of());
    assertThat(generated.headers().firstValue("Request-Id")).hasValueSatisfying(
        id -> assertThat(id).matches(UUID));
    onlyServerSpan();
  }

  /**
   * The access line names the client's address, which divak reads from the container's own
   * request (Jakarta REST gives filters none): a container divak cannot read it from shows as "-".
   */
  @Test
  void theAccessLineNamesTheClientAddress() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger("divak.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    access.setLevel(Level.INFO); // Dropwizard sets its own levels as it starts
    try {
      send(traced, "GET", "books/7?x=1", null,
          Map.of("Request-Id", "rid-address", "User-Agent", "probe/1.0"));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (lines.list.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
      Thread.sleep(50); // and no second line for the same request
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
          .singleElement().asString().matches(
              "127\\.0\\.0\\.1 \"GET /books/7\\?x=1\" 200 \"probe/1\\.0\" \\d+\\.\\d{3} rid-address");
    } finally {
      access.detachAppender(lines);
      access.setLevel(null);
    }
  }

  @Test
  void incomingTraceparentIsContinued() throws Exception {
    send(traced, "GET", "books/7", null,
        Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    FinishedSpan span = onlyServerSpan();
    assertThat(span.context().traceIdString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.context().parentIdString()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void injectedTracedBeanIsTheDecoratorAndItsSpanIsAChildOfTheRequest() throws Exception {
    HttpResponse<String> response = send(traced, "GET", "books/7/copies", null, Map.of());

    assertThat(response.body()).isEqualTo("3 copies of Book 7");
    List<FinishedSpan> spans = spans(2);
    assertThat(spans).hasSize(2);
    FinishedSpan server = spans.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst()
        .orElseThrow();
    FinishedSpan child = spans.stream().filter(s -> s != server).findFirst().orElseThrow();
    assertThat(server.name()).isEqualTo("GET /books/{id}/copies");
    assertThat(child.name()).isEqualTo("Catalog.copies");
    assertThat(child.tag("book.id")).isEqualTo("7");
    assertThat(child.context().traceIdString()).isEqualTo(server.context().traceIdString());
    assertThat(child.context().parentId()).isEqualTo(server.context().spanId());
  }

  @Test
  void notFoundAndMethodNotAllowedGetASpanAndARequestId() throws Exception {
    HttpResponse<String> missing = send(traced, "GET", "nothing/here", null, Map.of());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Request-Id")).isPresent();
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("404");

    HttpResponse<String> wrongMethod = send(traced, "DELETE", "books/7", null, Map.of());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Request-Id")).isPresent();
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("405");
  }

  @Test
  void decoratorServesOnEveryStart() throws Exception {
    for (int start = 1; start <= 3; start++) {
      assertThat(bookIdTagOfAFreshStart()).as("start " + start).isEqualTo("7");
    }
  }

  /**
   * Starts the application anew, sends {@code GET /books/7} and returns the {@code book.id} tag
   * of its server span (null when the undecorated resource served). In this JVM by default; a
   * container whose choice may change with the JVM overrides it to start a fresh one.
   */
  protected String bookIdTagOfAFreshStart() throws Exception {
    InMemoryReporter own = Reporter.inMemory();
    try (Running again = startTraced(own)) {
      assertThat(send(again, "GET", "books/7", null, Map.of()).statusCode()).isEqualTo(200);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (own.spans().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
      assertThat(own.spans()).hasSize(1);
      return own.spans().get(0).tag("book.id");
    }
  }

  /** Sends one request. */
  protected HttpResponse<String> send(Running app, String method, String path, String body,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri().resolve(path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "text/plain");
    headers.forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response;
  }

  private FinishedSpan onlyServerSpan() throws InterruptedException {
    List<FinishedSpan> spans = spans(1);
    assertThat(spans).as("exactly one span per request").hasSize(1);
    assertThat(spans.get(0).kind()).isEqualTo(Span.Kind.SERVER);
    reporter.clear();
    return spans.get(0);
  }

  /** The spans reported, once {@code expected} have been (and no more came shortly after). */
  private List<FinishedSpan> spans(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (reporter.spans().size() < expected && System.nanoTime() < deadline) Thread.sleep(5);
    Thread.sleep(50);
    List<FinishedSpan> spans = new ArrayList<>(reporter.spans());
    spans.sort(Comparator.comparingLong(FinishedSpan::startTimestamp));
    reporter.clear();
    return spans;
  }
}
