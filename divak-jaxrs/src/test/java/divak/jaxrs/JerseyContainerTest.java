package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.testing.JerseyContainer;
import divak.testing.Require;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container suite on Jersey 3.1 with Grizzly. */
class JerseyContainerTest extends ContainerContract {
  /** Off for one test: the same suite then runs with and without bean validation. */
  private boolean beanValidation = true;

  /** Runs in the JVM that has this container alone on the classpath (see the pom). */
  @BeforeAll
  static void onlyThisContainer() {
    Require.onClassPath("org.glassfish.jersey.server.ResourceConfig",
        "the pom's default-test execution runs this class with Jersey on its class path");
  }

  @Override
  protected TestServer start(int workerThreads, Object... components) {
    ResourceConfig config = new ResourceConfig();
    for (Object component : components) {
      if (component instanceof Class<?> type) config.register(type); else config.register(component);
    }
    // Bean validation is on the class path, as in most Jersey applications; with this property
    // it answers validation failures itself, which changes how Jersey handles other exceptions.
    config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, true);
    if (!beanValidation) config.property(ServerProperties.BV_FEATURE_DISABLE, true);
    return TestServer.of(JerseyContainer.start(config, workerThreads));
  }

  /**
   * Pins Jersey 3.1.11 on Grizzly without divak and without bean validation (with it, Jersey does
   * not write twice): for an unmapped exception the container writes
   * its error page through getWriter(), then Jersey writes the default mapper's 500 too and logs
   * the refused getOutputStream() at SEVERE. With divak that late write goes to a sink
   * ({@link JerseyFailureWriter}); see unhandledExceptionMakesTheContainerLogNothingButTheExceptionItself.
   */
  @Test
  void withoutDivakJerseyOnGrizzlyLogsSevereForAnUnmappedException() throws Exception {
    beanValidation = false;
    beanValidation = false;
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).build();
    TestServer server = start(1, new TestResources.Api(divak));
    closeables.add(server);
    closeables.add(divak);

    HttpResponse<String> response = get(server.uri().resolve("/api/boom"));
    get(server.uri().resolve("/api/hello")); // the only worker is done with /api/boom

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(containerErrors()).singleElement().asString()
        .contains("getOutputStream() after getWriter()");
  }

  /**
   * Pins Grizzly (with Jersey 3.1.11) on a request that asks for an HTTP/2 cleartext upgrade, as
   * {@code HttpClient.newHttpClient()} sends on a new connection: Grizzly answers in HTTP/1.1,
   * without Content-Type, and then closes the connection without saying so, so a request already
   * sent on it gets no answer ("HTTP/1.1 header parser received no bytes"; HttpClient retries
   * only idempotent ones). The same with and without divak; with divak the answer carries its
   * Request-Id and is traced.
   */
  @Test
  void grizzlyClosesAnH2cUpgradeConnectionWithAndWithoutDivak() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).build();
    TestServer plain = start(2, new TestResources.Api(divak));
    TestServer traced = start(2, new TestResources.Api(divak), new DivakFeature(divak));
    closeables.add(plain);
    closeables.add(traced);
    closeables.add(divak);
    String upgrade = "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
        + "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n\r\n";
    String next = "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nRequest-Id: rid-second\r\n\r\n";

    for (TestServer server : new TestServer[] {plain, traced}) {
      String answer = exchange(server.uri(), upgrade + next);
      assertThat(answer).as("one answer, then the connection is closed")
          .startsWith("HTTP/1.1 200 ").endsWith("hello<closed>")
          .doesNotContain("rid-second").doesNotContainIgnoringCase("Content-Type")
          .doesNotContainIgnoringCase("Connection: close");
      if (server == traced) assertThat(answer).contains("Request-Id: ");
    }
    assertThat(awaitSpan(named("GET /api/hello")).tag("http.status_code")).isEqualTo("200");
  }

  /** Sends {@code requests} on one connection and reads until it is closed. */
  private static String exchange(URI server, String requests) throws Exception {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) in.write(buffer, 0, n);
        return in.toString(StandardCharsets.ISO_8859_1) + "<closed>";
      } catch (SocketTimeoutException e) {
        return in.toString(StandardCharsets.ISO_8859_1) + "<still open>";
      }
    }
  }

  /** The failure writer is installed only for an exception that reaches the container. */
  @Test
  void failureWriterOnlyWhereNoMapperAnswers() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).build();
    Map<String, String> writers = new ConcurrentHashMap<>();
    ContainerResponseFilter writerProbe = (ContainerRequestContext request, ContainerResponseContext r) ->
        writers.put(request.getUriInfo().getPath(),
            ((ContainerRequest) request).getResponseWriter().getClass().getSimpleName());
    TestServer server = start(2, new TestResources.Api(divak), new DivakFeature(divak),
        new TestResources.TeapotMapper(), writerProbe);
    closeables.add(server);
    closeables.add(divak);

    assertThat(get(server.uri().resolve("/api/mapped")).statusCode()).isEqualTo(503);
    assertThat(get(server.uri().resolve("/nowhere")).statusCode()).isEqualTo(404);

    // (An unmapped exception gets it: the Request-Id on its 500, in the container suite, is its.)
    assertThat(writers).containsEntry("api/mapped", "ResponseWriter")
        .containsEntry("nowhere", "ResponseWriter");
  }

  /** Without bean validation, unmapped exceptions get their Request-Id as well. */
  @Test
  void withoutBeanValidationAnUnmappedExceptionHasTheRequestIdToo() throws Exception {
    beanValidation = false;
    anUnmappedCheckedExceptionGetsA500WithTheRequestId();
  }

  @Test
  void beanValidationIsOnInTheOtherTests() {
    Require.onClassPath("org.glassfish.jersey.server.validation.ValidationFeature",
        "jersey-bean-validation is on this test class path, as in most Jersey applications");
  }

  @Override
  protected boolean seesExceptions() {
    return true;
  }

  @Override
  protected boolean seesClientFailures() {
    return true;
  }
}
