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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A call made with the Quarkus REST client is a CLIENT span that carries the trace on. */
@QuarkusTest
class LibraryResourceTest {
  @Inject InMemoryReporter reporter;

  @Test
  void theClientCallIsAChildAndTheCalledServerItsChild() throws Exception {
    String requestId = UUID.randomUUID().toString();
    String title = given().header("Request-Id", requestId)
        .when().get("/library/2")
        .then().statusCode(200)
        .extract().path("title");
    assertThat(title).isEqualTo("A Wizard of Earthsea");

    FinishedSpan lend = serverSpan("GET /library/{id}", requestId);
    List<FinishedSpan> trace = awaitSpans(lend.context().traceIdString(), 3);
    FinishedSpan client = trace.stream().filter(s -> s.kind() == Span.Kind.CLIENT).findFirst()
        .orElseThrow(() -> new AssertionError("no CLIENT span in " + trace));
    assertThat(client.context().parentId()).isEqualTo(lend.context().spanId());
    assertThat(client.tag("http.path")).isEqualTo("/books/2");
    FinishedSpan books = trace.stream()
        .filter(s -> s.kind() == Span.Kind.SERVER && "GET /books/{id}".equals(s.name()))
        .findFirst().orElseThrow(() -> new AssertionError("no GET /books/{id} in " + trace));
    assertThat(books.context().parentId()).as("the called server's parent")
        .isEqualTo(client.context().spanId());
    assertThat(books.context().requestId()).as("the Request-Id is forwarded").isEqualTo(requestId);
  }

  private FinishedSpan serverSpan(String name, String requestId) throws InterruptedException {
    return Spans.ofRequest(reporter, requestId).stream()
        .filter(s -> s.kind() == Span.Kind.SERVER && name.equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + reporter.spans()));
  }

  private List<FinishedSpan> awaitSpans(String traceId, int count) throws InterruptedException {
    List<FinishedSpan> trace = List.of();
    for (int i = 0; i < 200; i++) { // spans end just after their responses are written
      trace = reporter.spans().stream()
          .filter(s -> s.context().traceIdString().equals(traceId)).collect(Collectors.toList());
      if (trace.size() >= count) return trace;
      Thread.sleep(50);
    }
    throw new AssertionError(count + " spans expected in trace " + traceId + ": " + trace);
  }
}
