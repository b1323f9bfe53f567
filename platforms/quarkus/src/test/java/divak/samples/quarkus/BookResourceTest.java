package divak.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample over real HTTP: one SERVER span per request, named by its route template. */
@QuarkusTest
class BookResourceTest {
  @Inject InMemoryReporter reporter;

  @BeforeEach
  void forgetSpans() {
    reporter.clear();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/books/1,            /books/{id}",
      "/books/1/non-blocking, /books/{id}/non-blocking",
      "/books/1/uni,        /books/{id}/uni",
      "/books/1/stage,      /books/{id}/stage",
  })
  void aTracedBeanIsAChildOfTheRequestsSpan(String path, String route) throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .when().get(path)
        .then().statusCode(200)
        .contentType(ContentType.JSON)
        .header("Request-Id", requestId);

    List<FinishedSpan> trace = Spans.ofRequest(reporter, requestId);
    FinishedSpan server = only(trace, Span.Kind.SERVER);
    assertThat(server.name()).isEqualTo("GET " + route);
    assertThat(server.tag("http.route")).isEqualTo(route);
    assertThat(server.tag("http.status_code")).isEqualTo("200");
    assertThat(server.tag("book.id")).as("the resource method's @Tag").isEqualTo("1");
    assertThat(server.localServiceName()).isEqualTo("books");

    FinishedSpan find = named(trace, "BookService.find");
    assertThat(find.kind()).isNull();
    assertThat(find.tag("book.id")).isEqualTo("1");
    assertThat(find.context().parentId()).as("BookService.find's parent")
        .isEqualTo(server.context().spanId());
  }

  @Test
  void createIsNamedByItsTracedName() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .contentType(ContentType.JSON).body("{\"title\":\"Kindred\"}")
        .when().post("/books")
        .then().statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/books/3"));

    List<FinishedSpan> trace = Spans.ofRequest(reporter, requestId);
    FinishedSpan server = only(trace, Span.Kind.SERVER);
    assertThat(server.name()).isEqualTo("create-book");
    assertThat(server.tag("http.route")).isEqualTo("/books");
    assertThat(named(trace, "BookService.add").context().parentId())
        .isEqualTo(server.context().spanId());
  }

  @Test
  void aMissingBookIsA404OfItsRoute() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .when().get("/books/99")
        .then().statusCode(404);

    FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
    assertThat(server.name()).isEqualTo("GET /books/{id}");
    assertThat(server.tag("http.status_code")).isEqualTo("404");
  }

  @Test
  void anIncomingTraceparentIsTheParent() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .when().get("/books/2")
        .then().statusCode(200);

    FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
    assertThat(server.context().traceIdString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(server.context().parentIdString()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void aRequestWithoutRequestIdGetsOne() {
    Response response = given().when().get("/hello").then().statusCode(200).extract().response();
    assertThat(response.getHeader("Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(response.asString()).isEqualTo("Hello from Quarkus REST");
  }

  @Test
  void anUntracedResourceStillGetsItsServerSpan() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId).when().get("/hello").then().statusCode(200);

    FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
    assertThat(server.name()).isEqualTo("GET /hello");
    assertThat(server.tag("http.route")).isEqualTo("/hello");
  }

  @Test
  void anUnmatchedPathIsTraced() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .when().get("/nowhere")
        .then().statusCode(404).header("Request-Id", requestId);

    FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
    assertThat(server.tag("http.status_code")).isEqualTo("404");
    assertThat(server.tag("http.path")).isEqualTo("/nowhere");
  }

  @Test
  void anUnmatchedRequestsSpanStartsWhenItArrivesAndItHasAnAccessLine() throws Exception {
    AccessLines access = AccessLines.listen();
    try {
      String requestId = UUID.randomUUID().toString();
      given().header("Request-Id", requestId)
          .when().get("/slowly/nowhere")
          .then().statusCode(404).header("Request-Id", requestId);

      FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
      assertThat(server.tag("http.status_code")).isEqualTo("404");
      assertThat(server.tag("http.path")).isEqualTo("/slowly/nowhere");
      // SlowGate holds the request before Vert.x answers it: a span that starts on arrival
      // lasts at least that long, one that starts with the answer does not.
      assertThat(server.durationMicros()).as("span duration (us)")
          .isGreaterThanOrEqualTo(SlowGate.DELAY.toMillis() * 1000);
      assertThat(access.withRequestId(requestId))
          .contains(" \"GET /slowly/nowhere\" 404 ");
    } finally {
      access.close();
    }
  }

  @Test
  void aWrongMethodIsTraced() throws Exception {
    String requestId = UUID.randomUUID().toString();
    given().header("Request-Id", requestId)
        .when().delete("/books/1")
        .then().statusCode(405).header("Request-Id", requestId);

    FinishedSpan server = only(Spans.ofRequest(reporter, requestId), Span.Kind.SERVER);
    assertThat(server.tag("http.status_code")).isEqualTo("405");
  }

  private static FinishedSpan only(List<FinishedSpan> trace, Span.Kind kind) {
    List<FinishedSpan> found = trace.stream().filter(s -> s.kind() == kind)
        .collect(Collectors.toList());
    assertThat(found).as("%s spans in %s", kind, trace).hasSize(1);
    return found.get(0);
  }

  private static FinishedSpan named(List<FinishedSpan> trace, String name) {
    return trace.stream().filter(s -> name.equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + trace));
  }
}
