package divak.it;

// Long because the contract every container runs against the decorated resources, one test per
// request kind; one file keeps the list of what is pinned in one place.

import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import divak.it.shop.DivakResources;
import divak.it.shop.OrderNotFound;
import divak.report.FinishedSpan;
import jakarta.ws.rs.NotFoundException;
import divak.testing.Await;
import divak.testing.Require;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decorated resources of {@code divak.it.shop}, served by one container beside their
 * undecorated originals on another server of the same container: the spans the decorators
 * record, and the same answers as the originals for security, name bindings and validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecoratedResourcesContract {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final AtomicInteger sentinels = new AtomicInteger();
  Server decorated;
  Server original;

  /** The class of the container; the test runs only in the JVM that has it on its class path. */
  abstract String containerClass();

  /**
   * Whether the container applies a name binding that sits on the implementing method while the
   * HTTP method sits on an interface. Jersey does; RESTEasy reads bindings from the interface
   * method only, for the undecorated original too.
   */
  abstract boolean bindsNamesOnImplementingMethods();

  /** Serves the decorators through the generated {@code DivakResources}. */
  abstract Server startDecorated();

  /** Serves the undecorated originals, otherwise configured as {@link #startDecorated()}. */
  abstract Server startOriginal();

  /** The originals of the package: the superclass of each decorator. */
  static Set<Class<?>> originals(Set<Class<?>> decorators) {
    return decorators.stream().map(Class::getSuperclass).collect(Collectors.toSet());
  }

  @BeforeAll
  void start() {
    Require.onClassPath(containerClass(),
        "the pom runs each container's tests in a JVM of their own, with its jars");
    assertThat(DivakResources.classes()).isNotEmpty()
        .allSatisfy(c -> assertThat(c.getSimpleName()).startsWith("Divak_"));
    decorated = startDecorated();
    original = startOriginal();
  }

  @AfterAll
  void stop() {
    if (decorated != null) decorated.close();
    if (original != null) original.close();
  }

  @Test
  void tagsTheServerSpanAndRenamesIt() throws Exception {
    Answer answer = get("/orders/42");

    assertThat(answer.body).isEqualTo("order 42");
    FinishedSpan span = onlyServerSpan(1);
    assertThat(span.name()).isEqualTo("order.get");
    assertThat(span.tag("order.id")).isEqualTo("42");
    assertThat(span.tag("http.route")).isEqualTo("/orders/{id}");
  }

  @Test
  void overloadedMethodsAreEachTraced() throws Exception {
    assertThat(get("/orders").body).isEqualTo("all orders");
    FinishedSpan all = onlyServerSpan(1);
    assertThat(all.tag("customer")).isNull();
    assertThat(all.tag("page")).isNull();

    assertThat(get("/orders/by/ann").body).isEqualTo("orders of ann");
    assertThat(onlyServerSpan(1).tag("customer")).isEqualTo("ann");

    assertThat(get("/orders/page/3").body).isEqualTo("page 3");
    assertThat(onlyServerSpan(1).tag("page")).isEqualTo("3");
  }

  @Test
  void tagsPrimitivesBoxedValuesAndEnums() throws Exception {
    Answer answer = get("/orders/count?min=2&express=true&ratio=0.5&priority=HIGH");

    assertThat(answer.body).isEqualTo("42");
    FinishedSpan span = onlyServerSpan(1);
    assertThat(span.tag("min")).isEqualTo("2");
    assertThat(span.tag("express")).isEqualTo("true");
    assertThat(span.tag("ratio")).isEqualTo("0.5");
    assertThat(span.tag("priority")).isEqualTo("HIGH");
    assertThat(span.tag("limit")).as("a null argument adds no tag").isNull();

    get("/orders/count?limit=5");
    assertThat(onlyServerSpan(1).tag("limit")).isEqualTo("5");
  }

  @Test
  void voidMethod() throws Exception {
    Answer answer = send("POST", "/orders/7/cancel", null);

    assertThat(answer.status).isEqualTo(204);
    assertThat(onlyServerSpan(1).tag("order.id")).isEqualTo("7");
  }

  @Test
  void responseMethod() throws Exception {
    Answer answer = get("/orders/7/created");

    assertThat(answer.status).isEqualTo(202);
    assertThat(answer.body).isEqualTo("accepted 7");
    assertThat(onlyServerSpan(1).tag("order.id")).isEqualTo("7");
  }

  /**
   * The decorator records what the method threw before the mapper hides it; whether that fails the
   * span is the server filter's decision (a mapped 4xx does not), not the decorator's.
   */
  @Test
  void checkedExceptionIsRecordedBeforeTheMapperHidesIt() throws Exception {
    Answer answer = get("/orders/9/checked");

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.body).isEqualTo("no order 9");
    FinishedSpan span = onlyServerSpan(1);
    assertThat(recorded(span)).isInstanceOf(OrderNotFound.class);
    assertThat(span.tag("order.id")).isEqualTo("9");
  }

  /** A 4xx {@code WebApplicationException} is an answer: recorded, and the span is not failed. */
  @Test
  void clientErrorThrownIsRecordedButDoesNotFailTheSpan() throws Exception {
    Answer answer = get("/orders/999/missing");

    assertThat(answer.status).isEqualTo(404);
    FinishedSpan span = onlyServerSpan(1);
    assertThat(recorded(span)).isInstanceOf(NotFoundException.class).hasMessage("no order 999");
    assertThat(span.error()).isNull();
    assertThat(span.tag("error")).isNull();
    assertThat(span.tag("http.status_code")).isEqualTo("404");
    assertThat(span.tag("order.id")).isEqualTo("999");
  }

  @Test
  void pathDeclaredOnAnInterface() throws Exception {
    assertThat(DivakResources.classes()).extracting(Class::getSimpleName).contains("Divak_StoreResource");

    Answer answer = get("/stores/paris");

    assertThat(answer.status).isEqualTo(200);
    assertThat(answer.body).isEqualTo("store in paris");
    FinishedSpan span = onlyServerSpan(1);
    assertThat(span.tag("city")).isEqualTo("paris");
    assertThat(span.tag("http.route")).isEqualTo("/stores/{city}");
  }

  @Test
  void completionStageEndsTheSpanWhenItCompletes() throws Exception {
    Answer answer = get("/orders/5/async");

    assertThat(answer.body).isEqualTo("later 5");
    FinishedSpan span = onlyServerSpan(1);
    assertThat(span.tag("order.id")).isEqualTo("5");
    assertThat(span.durationMicros()).isGreaterThanOrEqualTo(20_000);
  }

  /**
   * The decorator returns the stage that {@code whenComplete} derives, so the container's callback
   * runs after the span has the failure, on every container.
   */
  @Test
  void completionStageFailureIsRecorded() throws Exception {
    Answer answer = get("/orders/6/async-failure");

    assertThat(answer.status).isEqualTo(500);
    FinishedSpan span = onlyServerSpan(1);
    assertThat(span.tag("order.id")).isEqualTo("6");
    assertThat(recorded(span)).isInstanceOf(IllegalStateException.class).hasMessage("failed later 6");
    assertThat(span.tag("error")).as("a 500 fails the span, named by what was thrown")
        .isEqualTo("failed later 6");
    assertThat(span.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
  }

  /**
   * What the decorator recorded on a server span. The in-memory reporter is handed the span
   * itself, so the reported span is also the {@link Span} the decorator saw.
   */
  static Throwable recorded(FinishedSpan span) {
    return ((Span) span).recordedException();
  }

  /** A traced service's stage completes after its child span ended with the failure. */
  @Test
  void tracedServiceStageFailureEndsTheChildSpanFirst() throws Exception {
    Answer answer = get("/orders/8/price-later");

    assertThat(answer.status).isEqualTo(500);
    List<FinishedSpan> spans = spans(2);
    assertThat(spans).hasSize(2);
    assertThat(reported()).as("in the order they ended")
        .extracting(FinishedSpan::name).containsExactly("PricingService.quoteLater", "GET /orders/{id}/price-later");
    FinishedSpan child = spans.stream().filter(s -> s.kind() == null).findFirst().orElseThrow();
    FinishedSpan server = spans.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst().orElseThrow();
    assertThat(child.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
    assertThat(child.tag("error")).isEqualTo("no price for 8");
    assertThat(child.tag("sku")).isEqualTo("8");
    assertThat(recorded(server)).isInstanceOf(IllegalStateException.class).hasMessage("no price for 8");
    assertThat(server.tag("error")).as("a 500 fails the span, named by what was thrown")
        .isEqualTo("no price for 8");
    assertThat(server.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void subResourceLocator() throws Exception {
    assertThat(get("/orders/3/lines").body).isEqualTo("lines of 3");
    assertThat(onlyServerSpan(1).tag("order.id")).isEqualTo("3");

    assertThat(get("/orders/3/lines/2").body).isEqualTo("line 2 of 3");
    assertThat(onlyServerSpan(1).tag("order.id")).isEqualTo("3");
  }

  @Test
  void contextFieldIsInjectedIntoTheDecorator() throws Exception {
    assertThat(get("/orders/1/where").body).endsWith("orders/1/where"); // RESTEasy adds a slash
    onlyServerSpan(1);
  }

  @Test
  void tracedServiceRunsInAChildSpan() throws Exception {
    assertThat(get("/orders/8/price").body).isEqualTo("price 4.5");

    List<FinishedSpan> spans = spans(2);
    FinishedSpan server = spans.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst().orElseThrow();
    FinishedSpan child = spans.stream().filter(s -> s.kind() == null).findFirst().orElseThrow();
    assertThat(child.name()).isEqualTo("PricingService.quote");
    assertThat(child.tag("sku")).isEqualTo("8");
    assertThat(child.tag("quantity")).isEqualTo("3");
    assertThat(child.context().traceId()).isEqualTo(server.context().traceId());
    assertThat(child.context().parentId()).isEqualTo(server.context().spanId());
    assertThat(server.tag("order.id")).isEqualTo("8");
  }

  @Test
  void annotationsOnAnInterface() throws Exception {
    assertThat(get("/items/4").body).isEqualTo("item 4");
    assertThat(onlyServerSpan(1).tag("item.id")).isEqualTo("4");
  }

  @Test
  void genericResource() throws Exception {
    assertThat(get("/users/u1").body).isEqualTo("user u1");
    assertThat(onlyServerSpan(1).tag("id")).isEqualTo("u1");

    Answer created = send("POST", "/users", "bob");
    assertThat(created.body).isEqualTo("saved bob");
    assertThat(onlyServerSpan(1).tag("entity")).isEqualTo("bob");
  }

  @Test
  void securityAnnotationsAreHonoured() throws Exception {
    assertThat(get("/admin", "X-Roles", "admin").status).isEqualTo(200);
    assertThat(get("/admin", "X-Roles", "staff").status).isEqualTo(403);
    assertThat(get("/admin/open").status).isEqualTo(200);
    assertThat(get("/admin/closed", "X-Roles", "admin").status).isEqualTo(403);
    assertThat(get("/staff", "X-Roles", "staff").status).isEqualTo(200);
    assertThat(get("/staff", "X-Roles", "admin").status).isEqualTo(403);
  }

  @Test
  void nameBoundFilterApplies() throws Exception {
    assertThat(get("/audit").audited).isEqualTo("yes");
    assertThat(get("/audit/plain").audited).isNull();
    assertThat(get("/items/1/audited").audited)
        .isEqualTo(bindsNamesOnImplementingMethods() ? "yes" : null);
    assertThat(get("/items/1").audited).isNull();
  }

  @Test
  void beanValidationApplies() throws Exception {
    assertThat(get("/validated?q=x").status).isEqualTo(200);
    assertThat(get("/validated").status).isEqualTo(400);
    assertThat(get("/validated/11").status).isEqualTo(400);
    assertThat(send("POST", "/validated?sku=&quantity=0", null).status).isEqualTo(400);
    assertThat(send("POST", "/validated?sku=a&quantity=2", null).body).isEqualTo("ordered 2 a");
    assertThat(get("/validated/short?text=toolong").status).isEqualTo(500);
  }

  /** Every request answers the same, status, body and X-Audited, as the undecorated original. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "GET /orders/42", "GET /orders", "GET /orders/by/ann", "GET /orders/page/3",
      "GET /orders/page/x", "GET /orders/count?min=2&express=true&ratio=0.5&priority=HIGH",
      "GET /orders/count?priority=NONE", "POST /orders/7/cancel", "GET /orders/7/created",
      "GET /orders/9/checked", "GET /orders/999/missing", "GET /stores/paris", "GET /orders/5/async", "GET /orders/6/async-failure",
      "GET /orders/8/price-later",
      "GET /orders/3/lines", "GET /orders/3/lines/2", "GET /orders/1/where", "GET /orders/8/price",
      "GET /items/4", "GET /items/4/audited", "GET /users/u1", "POST /users",
      "GET /admin", "GET /admin X-Roles=admin", "GET /admin X-Roles=staff", "GET /admin/open",
      "GET /admin/closed", "GET /admin/closed X-Roles=admin", "GET /staff", "GET /staff X-Roles=staff",
      "GET /audit", "GET /audit/plain",
      "GET /validated", "GET /validated?q=x", "GET /validated/11", "GET /validated/3",
      "POST /validated?sku=&quantity=0", "POST /validated?sku=a&quantity=2",
      "GET /validated/short?text=toolong", "GET /validated/short?text=ok"})
  void answersAsTheUndecoratedOriginal(String request) throws Exception {
    String[] parts = request.split(" ");
    String[] header = parts.length > 2 ? parts[2].split("=") : new String[0];
    String body = parts[0].equals("POST") ? "bob" : null;

    Answer fromDecorated = send(decorated, parts[0], parts[1], body, header);
    Answer fromOriginal = send(original, parts[0], parts[1], body, header);

    assertThat(fromDecorated).isEqualTo(fromOriginal);
  }

  Answer get(String path, String... header) throws IOException, InterruptedException {
    return send(decorated, "GET", path, null, header);
  }

  Answer send(String method, String path, String body) throws IOException, InterruptedException {
    return send(decorated, method, path, body);
  }

  private Answer send(Server server, String method, String path, String body, String... header)
      throws IOException, InterruptedException {
    server.reporter.clear();
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri.resolve(path.substring(1)))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "text/plain");
    if (header.length == 2) request.header(header[0], header[1]);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), violationsInOrder(response.body()),
        response.headers().firstValue("X-Audited").orElse(null));
  }

  /**
   * RESTEasy lists constraint violations ({@code [PARAMETER][path][message][value]...}) in the
   * order of a hash set: sorted here, so that two servers' reports compare equal.
   */
  private static String violationsInOrder(String body) {
    String[] violations = body.split("(?=\\[(PARAMETER|PROPERTY|CLASS|RETURN_VALUE)\\])");
    java.util.Arrays.sort(violations);
    return String.join("", violations);
  }

  /** The single span of the last request on the decorated server, a SERVER span. */
  FinishedSpan onlyServerSpan(int expected) throws InterruptedException {
    List<FinishedSpan> spans = spans(expected);
    assertThat(spans).as("exactly one span per request").hasSize(1);
    assertThat(spans.get(0).kind()).isEqualTo(Span.Kind.SERVER);
    return spans.get(0);
  }

  /**
   * The spans of the last request, once {@code expected} have been reported and a sentinel
   * request sent after it has been traced too: a span of the last request that came later than
   * the sentinel's would have to lag a whole request behind.
   */
  List<FinishedSpan> spans(int expected) throws InterruptedException {
    Await.until(expected + " spans", () -> decorated.reporter.spans().size() >= expected);
    String sentinel = "sentinel-" + sentinels.incrementAndGet();
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
          decorated.uri.resolve("orders/" + sentinel)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("the sentinel request").isEqualTo(200);
    } catch (IOException e) {
      throw new AssertionError("the sentinel request failed", e);
    }
    Await.until("the sentinel's span", () -> decorated.reporter.spans().stream()
        .anyMatch(s -> sentinel.equals(s.tag("order.id"))));
    List<FinishedSpan> spans = new ArrayList<>(reported());
    spans.sort(Comparator.comparingLong(FinishedSpan::startTimestamp));
    return spans;
  }

  /** The decorated server's spans in the order reported, without the sentinels' traces. */
  List<FinishedSpan> reported() {
    List<FinishedSpan> all = decorated.reporter.spans();
    Set<String> sentinelTraces = all.stream()
        .filter(s -> String.valueOf(s.tag("order.id")).startsWith("sentinel-"))
        .map(s -> s.context().traceIdString()).collect(Collectors.toSet());
    return all.stream().filter(s -> !sentinelTraces.contains(s.context().traceIdString())).toList();
  }

  /** What a client sees of an answer. */
  record Answer(int status, String body, String audited) {
  }
}
