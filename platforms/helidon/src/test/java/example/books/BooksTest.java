package example.books;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The books app on Helidon MP 4 with divak-cdi, over HTTP on 127.0.0.1. */
@HelidonTest
@AddConfig(key = "server.host", value = "127.0.0.1")
@AddConfig(key = "server.port", value = "0")
@AddBean(BooksTest.SpansInMemory.class)
class BooksTest {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  /** What the README tells a user to add for tests: a Reporter bean. */
  @ApplicationScoped
  public static class SpansInMemory {
    @Produces
    @Singleton
    InMemoryReporter spans() {
      return Reporter.inMemory();
    }
  }

  @Inject
  ServerCdiExtension server;
  @Inject
  InMemoryReporter spans;
  @Inject
  BookService service;
  @Inject
  BeanManager beans;

  @BeforeEach
  void clear() throws Exception {
    spans.clear();
    Requests.send(server.port(), "GET", "/books/1");   // one request's spans are awaited, then dropped
    onlyServerSpan();
    spans.clear();
  }

  @Test
  void answersAsTheAppWithoutTheProcessor() throws Exception {
    assertThat(Requests.plainAnswersFile())
        .as("written by the surefire execution 'plain' of this module, which mvn verify runs first")
        .exists();
    assertThat(Requests.answers(server.port())).isEqualTo(Files.readAllLines(Requests.plainAnswersFile()));
    assertThat(Requests.send(server.port(), "GET", "/books/1").body()).isEqualTo("Dune");
  }

  @Test
  void oneServerSpanNamedByTheRouteWithTagsAndTheServiceSpanAsItsChild() throws Exception {
    HttpResponse<String> response = Requests.send(server.port(), "GET", "/books/2");

    assertThat(response.statusCode()).isEqualTo(200);
    FinishedSpan server = onlyServerSpan();
    assertThat(server.name()).isEqualTo("GET /books/{id}");
    assertThat(server.tag("http.route")).isEqualTo("/books/{id}");
    assertThat(server.tag("book.id")).isEqualTo("2");
    assertThat(server.localServiceName()).isEqualTo("books");
    FinishedSpan title = spans.spans().stream().filter(s -> s.name().equals("BookService.title")).findFirst()
        .orElseThrow(() -> new AssertionError("no BookService.title span in " + spans.spans()));
    assertThat(title.context().traceIdString()).isEqualTo(server.context().traceIdString());
    assertThat(title.context().parentIdString()).isEqualTo(server.context().spanIdString());
    assertThat(title.tag("book.id")).isEqualTo("2");
  }

  @Test
  void theInjectedBeanAndTheServedResourceAreTheDecorators() {
    assertThat(service).isInstanceOf(Divak_BookService.class);
    Set<Bean<?>> services = beans.getBeans(BookService.class);
    assertThat(services).hasSize(1);
    assertThat(services.iterator().next().getBeanClass()).isEqualTo(Divak_BookService.class);
    Set<Bean<?>> resources = beans.getBeans(BookResource.class);
    assertThat(resources).hasSize(1);
    assertThat(resources.iterator().next().getBeanClass()).isEqualTo(Divak_BookResource.class);
  }

  @Test
  void requestIdIsRelayedOrGenerated() throws Exception {
    HttpResponse<String> relayed = Requests.HTTP.send(
        Requests.request(server.port(), "/books/1").header("Request-Id", "order-42").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> generated = Requests.send(server.port(), "GET", "/books/1");

    assertThat(relayed.headers().firstValue("Request-Id")).hasValue("order-42");
    assertThat(generated.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
  }

  @Test
  void anIncomingTraceparentIsContinued() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parent = "00f067aa0ba902b7";
    Requests.HTTP.send(
        Requests.request(server.port(), "/books/1").header("traceparent", "00-" + trace + "-" + parent + "-01").build(),
        HttpResponse.BodyHandlers.ofString());

    FinishedSpan server = onlyServerSpan();
    assertThat(server.context().traceIdString()).isEqualTo(trace);
    assertThat(server.context().parentIdString()).isEqualTo(parent);
  }

  @Test
  void unmatchedPathsAndWrongMethodsAreTracedWithARequestId() throws Exception {
    HttpResponse<String> notFound = Requests.send(server.port(), "GET", "/nothing");
    assertThat(notFound.statusCode()).isEqualTo(404);
    FinishedSpan unmatched = onlyServerSpan();
    assertThat(unmatched.tag("http.status_code")).isEqualTo("404");
    assertThat(unmatched.context().requestId()).matches(UUID);
    // Helidon resets a 404 that matched no resource method and passes the request on to its own
    // routing, which answers "Endpoint not found": Jersey's headers, the Request-Id among them, are
    // dropped (README, "Helidon MP / CDI"). A matched method's 404 keeps them:
    assertThat(notFound.headers().firstValue("Request-Id")).isEmpty();
    spans.clear();
    HttpResponse<String> noSuchBook = Requests.send(server.port(), "GET", "/books/9");
    assertThat(noSuchBook.statusCode()).isEqualTo(404);
    assertThat(noSuchBook.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("404");

    spans.clear();
    HttpResponse<String> notAllowed = Requests.send(server.port(), "POST", "/books/1");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(notAllowed.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
    assertThat(onlyServerSpan().tag("http.status_code")).isEqualTo("405");
  }

  /** The one SERVER span of the last request, waiting up to 5 s for it to be reported. */
  private FinishedSpan onlyServerSpan() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (spans.spans().stream().noneMatch(s -> s.kind() == Span.Kind.SERVER) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    List<FinishedSpan> servers = spans.spans().stream()
        .filter(s -> s.kind() == Span.Kind.SERVER)
        .collect(Collectors.toList());
    assertThat(servers).as("server spans of the last request").hasSize(1);
    return servers.get(0);
  }
}
