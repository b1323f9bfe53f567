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
import org.junit.jupiter.api.Test;

/** {@code @RunOnVirtualThread}: the request's span is current on the virtual thread. */
@QuarkusTest
class VirtualThreadResourceTest {
  @Inject InMemoryReporter reporter;

  @Test
  void aTracedBeanOnAVirtualThreadIsAChildOfTheRequestsSpan() throws Exception {
    String requestId = UUID.randomUUID().toString();
    String body = given().header("Request-Id", requestId)
        .when().get("/virtual-books/1")
        .then().statusCode(200).extract().asString();
    assertThat(body).isEqualTo("The Left Hand of Darkness (virtual thread)");

    List<FinishedSpan> trace = Spans.ofRequest(reporter, requestId);
    FinishedSpan server = trace.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst()
        .orElseThrow();
    assertThat(server.name()).isEqualTo("GET /virtual-books/{id}");
    assertThat(server.tag("book.id")).isEqualTo("1");
    FinishedSpan find = trace.stream().filter(s -> "BookService.find".equals(s.name()))
        .findFirst().orElseThrow(() -> new AssertionError("no BookService.find in " + trace));
    assertThat(find.context().parentId()).isEqualTo(server.context().spanId());
  }
}
