package example.books;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The books app on Spring Boot with spring-boot-starter-jersey, over HTTP on 127.0.0.1: once with
 * divak as the README sets it up, once with divak's auto-configuration excluded (the original
 * beans serve, no filters), and the answers compared.
 */
class BooksApplicationTest {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext traced;
  private static ConfigurableApplicationContext plain;
  private static InMemoryReporter spans;

  /** What the README tells a user to add for tests: a Reporter bean. */
  @Configuration(proxyBeanMethods = false)
  static class SpansInMemory {
    @Bean
    InMemoryReporter spans() {
      return Reporter.inMemory();
    }
  }

  @BeforeAll
  static void start() {
    traced = new SpringApplicationBuilder(BooksApplication.class, SpansInMemory.class)
        .properties("server.address=127.0.0.1", "server.port=0")
        .run();
    plain = new SpringApplicationBuilder(BooksApplication.class)
        .properties("server.address=127.0.0.1", "server.port=0",
            "spring.autoconfigure.exclude=divak.spring.boot.DivakAutoConfiguration")
        .run();
    spans = traced.getBean(InMemoryReporter.class);
  }

  @AfterAll
  static void stop() {
    if (traced != null) traced.close();
    if (plain != null) plain.close();
  }

  @BeforeEach
  void clear() {
    spans.clear();
  }

  @Test
  void answersAsTheAppWithoutDivak() throws Exception {
    for (String request : List.of("GET /books/1", "GET /books/2", "GET /books/9", "GET /nothing",
        "POST /books/1", "GET /books/x")) {
      String[] parts = request.split(" ");
      HttpResponse<String> withDivak = send(traced, parts[0], parts[1]);
      HttpResponse<String> without = send(plain, parts[0], parts[1]);
      assertThat(withDivak.statusCode()).as(request).isEqualTo(without.statusCode());
      assertThat(withDivak.body()).as(request).isEqualTo(without.body());
    }
    assertThat(send(traced, "GET", "/books/1").body()).isEqualTo("Dune");
  }

  @Test
  void oneServerSpanNamedByTheRouteWithTagsAndTheServiceSpanAsItsChild() throws Exception {
    HttpResponse<String> response = send(traced, "GET", "/books/2");

    assertThat(response.statusCode()).isEqualTo(200);
    FinishedSpan server = onlyServerSpan();
    assertThat(server.name()).isEqualTo("GET /books/{id}");
    assertThat(server.tag("http.route")).isEqualTo("/books/{id}");
    assertThat(server.tag("book.id")).isEqualTo("2");
    assertThat(server.localServiceName()).isEqualTo("books");
    FinishedSpan service = spanNamed("BookService.title");
    assertThat(service.context().traceIdString()).isEqualTo(server.context().traceIdString());
    assertThat(service.context().parentIdString()).isEqualTo(server.context().spanIdString());
    assertThat(service.tag("book.id")).isEqualTo("2");
  }

  @Test
  void theInjectedBeansAreTheDecorators() {
    BookService service = traced.getBean(BookService.class);
    assertThat(service).isExactlyInstanceOf(Divak_BookService.class);
    assertThat(traced.getBeansOfType(BookService.class)).containsOnlyKeys("bookService");
    assertThat(traced.getBeansOfType(BookResource.class)).containsOnlyKeys("bookResource");
    BookResource resource = traced.getBean(BookResource.class);
    assertThat(resource).isExactlyInstanceOf(Divak_BookResource.class);
    assertThat(resource.service()).isSameAs(service);
    assertThat(plain.getBean(BookService.class)).isExactlyInstanceOf(BookService.class);
  }

  @Test
  void requestIdIsRelayedOrGenerated() throws Exception {
    HttpResponse<String> relayed = HTTP.send(request(traced, "/books/1").header("Request-Id", "order-42").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> generated = send(traced, "GET", "/books/1");

    assertThat(relayed.headers().firstValue("Request-Id")).hasValue("order-42");
    assertThat(generated.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
  }

  @Test
  void anIncomingTraceparentIsContinued() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parent = "00f067aa0ba902b7";
    HTTP.send(request(traced, "/books/1").header("traceparent", "00-" + trace + "-" + parent + "-01").build(),
        HttpResponse.BodyHandlers.ofString());

    FinishedSpan server = onlyServerSpan();
    assertThat(server.context().traceIdString()).isEqualTo(trace);
    assertThat(server.context().parentIdString()).isEqualTo(parent);
  }

  @Test
  void unmatchedPathsAndWrongMethodsAreTracedWithARequestId() throws Exception {
    HttpResponse<String> notFound = send(traced, "GET", "/nothing");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("404");

    spans.clear();
    HttpResponse<String> notAllowed = send(traced, "POST", "/books/1");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(notAllowed.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("405");
  }

  @Test
  void theClientBeanPropagates() throws Exception {
    jakarta.ws.rs.client.Client client = traced.getBean(jakarta.ws.rs.client.Client.class);
    String body = client.target("http://127.0.0.1:" + port(traced) + "/books/1").request().get(String.class);

    assertThat(body).isEqualTo("Dune");
    FinishedSpan server = onlyServerSpan();
    FinishedSpan call = spans.spans().stream().filter(s -> s.kind() == Span.Kind.CLIENT).findFirst().orElseThrow();
    assertThat(server.context().traceIdString()).isEqualTo(call.context().traceIdString());
    assertThat(server.context().parentIdString()).isEqualTo(call.context().spanIdString());
  }

  /**
   * Jersey on Tomcat's servlet container: the access line names the client's address, which divak
   * reads from the servlet request.
   */
  @Test
  void theAccessLineCarriesTheClientAddress() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger("divak.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      HttpResponse<String> response = HTTP.send(request(traced, "/books/1?x=1")
          .header("Request-Id", "rid-tomcat").header("User-Agent", "probe/1.0").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);

      long deadline = System.nanoTime() + 5_000_000_000L;
      while (lines.list.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
      Thread.sleep(50);
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).singleElement()
          .satisfies(line -> assertThat(line).matches(
              "127\\.0\\.0\\.1 \"GET /books/1\\?x=1\" 200 \"probe/1\\.0\" \\d+\\.\\d{3} rid-tomcat"));
    } finally {
      access.detachAppender(lines);
    }
  }

  /** The one SERVER span of the last request, waiting up to 5 s for it to be reported. */
  private static FinishedSpan onlyServerSpan() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (spans.spans().stream().noneMatch(s -> s.kind() == Span.Kind.SERVER) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    List<FinishedSpan> servers = spans.spans().stream()
        .filter(s -> s.kind() == Span.Kind.SERVER)
        .collect(Collectors.toList());
    assertThat(servers).hasSize(1);
    return servers.get(0);
  }

  private static FinishedSpan spanNamed(String name) {
    return spans.spans().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.spans()));
  }

  private static HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path) throws Exception {
    return HTTP.send(request(app, path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(ConfigurableApplicationContext app, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(app) + path));
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}
