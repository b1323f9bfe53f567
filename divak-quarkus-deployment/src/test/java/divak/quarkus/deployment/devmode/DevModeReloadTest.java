package divak.quarkus.deployment.devmode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dev mode's live reload with divak: the application starts in dev mode, then the traced
 * resource's source is edited (its body, a {@code @Tag} key, a new method) and a traced class is
 * added, and the next requests are served by the new code through the decorators that divak's
 * processor wrote on the reload, with the new tags and routes in their spans and the Request-Id
 * header as before. When the tracing is taken off the class and the added class is deleted
 * again, the decorators left from before neither serve nor break the restart.
 */
class DevModeReloadTest {
  private static final ZipkinCollector ZIPKIN = ZipkinCollector.start();
  // QuarkusDevModeTest writes and deletes files under src/main/resources only; the sources are
  // beside them, in src/main/java.
  private static final String ADDED_SOURCE =
      "../java/divak/quarkus/deployment/devmode/AddedResource.java";
  private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

  @RegisterExtension
  static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
      .setArchiveProducer(() -> org.jboss.shrinkwrap.api.ShrinkWrap
          .create(org.jboss.shrinkwrap.api.spec.JavaArchive.class)
          .addClasses(ReloadedResource.class, Divak_ReloadedResource.class)
          .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(String.join("\n",
              "quarkus.http.port=0", // an ephemeral port
              "quarkus.application.name=reloaded",
              "quarkus.divak.zipkin-url=" + ZIPKIN.baseUrl())), "application.properties"))
      .setLogRecordPredicate(r -> LISTENING.matcher(message(r)).find());

  @AfterAll
  static void stopCollector() {
    ZIPKIN.close();
  }

  @Test
  void anEditedTracedResourceServesThroughItsRegeneratedDecorator() {
    int port = port();
    given().port(port).header("Request-Id", "before-1").header("traceparent", traceparent(1))
        .when().get("/reloaded/ada")
        .then().statusCode(200).header("Request-Id", "before-1")
        .body(equalTo("Divak_ReloadedResource hello ada"));
    JsonObject before = awaitServerSpan(1);
    assertThat(before.getString("name")).isEqualTo("GET /reloaded/{name}");
    assertThat(before.getJsonObject("tags").getString("greeting.name")).isEqualTo("ada");

    TEST.modifySourceFile(ReloadedResource.class, source -> source
        .replace("\" hello \"", "\" bonjour \"")
        .replace("@Tag(\"greeting.name\")", "@Tag(\"greeting.who\")")
        .replace("  @GET\n  @Path(\"/{name}\")\n", String.join("\n",
            "  @GET",
            "  @Path(\"/{name}/shout\")",
            "  public String shout(@Tag(\"shout.name\") @PathParam(\"name\") String name) {",
            "    return getClass().getSimpleName() + \" HELLO \" + name.toUpperCase();",
            "  }",
            "",
            "  @GET",
            "  @Path(\"/{name}\")",
            "")));

    // A traced class written while the application runs, which the test's class path lacks.
    TEST.addResourceFile(ADDED_SOURCE, String.join("\n",
        "package divak.quarkus.deployment.devmode;",
        "",
        "@jakarta.ws.rs.Path(\"/added\")",
        "@jakarta.enterprise.context.ApplicationScoped",
        "public class AddedResource {",
        "  @jakarta.ws.rs.GET",
        "  @jakarta.ws.rs.Path(\"/{n}\")",
        "  @divak.annotations.Traced",
        "  public String count(",
        "      @divak.annotations.Tag(\"added.n\") @jakarta.ws.rs.PathParam(\"n\") String n) {",
        "    return getClass().getSimpleName() + \" \" + n;",
        "  }",
        "}",
        ""));

    // The first request after the edit makes dev mode compile and restart, then it is served.
    given().port(port).header("Request-Id", "after-1").header("traceparent", traceparent(2))
        .when().get("/reloaded/ada")
        .then().statusCode(200).header("Request-Id", "after-1")
        .body(equalTo("Divak_ReloadedResource bonjour ada"));
    JsonObject after = awaitServerSpan(2);
    assertThat(after.getString("name")).isEqualTo("GET /reloaded/{name}");
    assertThat(after.getJsonObject("tags").getString("greeting.who"))
        .as("the edited @Tag key, so the decorator was written again").isEqualTo("ada");
    assertThat(after.getJsonObject("tags").containsKey("greeting.name")).isFalse();

    given().port(port).header("Request-Id", "after-2").header("traceparent", traceparent(3))
        .when().get("/reloaded/ada/shout")
        .then().statusCode(200).header("Request-Id", "after-2")
        .body(equalTo("Divak_ReloadedResource HELLO ADA"));
    JsonObject shout = awaitServerSpan(3);
    assertThat(shout.getString("name")).isEqualTo("GET /reloaded/{name}/shout");
    assertThat(shout.getJsonObject("tags").getString("shout.name")).isEqualTo("ada");

    given().port(port).header("traceparent", traceparent(5)).when().get("/added/7")
        .then().statusCode(200).body(equalTo("Divak_AddedResource 7"));
    JsonObject added = awaitServerSpan(5);
    assertThat(added.getString("name")).isEqualTo("GET /added/{n}");
    assertThat(added.getJsonObject("tags").getString("added.n")).isEqualTo("7");

    // Tracing taken off one class and another one's source deleted: the processor writes no
    // decorator for either now, and the ones it wrote before (still in the class output, since
    // dev mode deletes no file the processor wrote) must neither serve nor break the restart.
    TEST.deleteResourceFile(ADDED_SOURCE);
    TEST.modifySourceFile(ReloadedResource.class, source -> source
        .replace("@Traced\n", "")
        .replace("@Tag(\"greeting.who\") ", "")
        .replace("@Tag(\"shout.name\") ", "")
        .replace("import divak.annotations.Tag;\nimport divak.annotations.Traced;\n", ""));
    given().port(port).header("Request-Id", "untraced-1").header("traceparent", traceparent(4))
        .when().get("/reloaded/ada")
        .then().statusCode(200).header("Request-Id", "untraced-1")
        .body(equalTo("ReloadedResource bonjour ada"));
    JsonObject untraced = awaitServerSpan(4);
    assertThat(untraced.getString("name")).as("every request still has its span")
        .isEqualTo("GET /reloaded/{name}");
    assertThat(untraced.getJsonObject("tags").fieldNames())
        .as("no @Tag value from the decorator left behind")
        .doesNotContain("greeting.who", "greeting.name");
    given().port(port).when().get("/added/7").then().statusCode(404);
  }

  /** The port dev mode's HTTP server listens on, from its startup line. */
  private static int port() {
    int port = -1;
    for (LogRecord r : TEST.getLogRecords()) {
      Matcher m = LISTENING.matcher(message(r));
      if (m.find()) port = Integer.parseInt(m.group(1)); // the last start's
    }
    if (port < 0) throw new AssertionError("dev mode logged no 'Listening on: http://...' line");
    return port;
  }

  /** The record's message with its parameters (Quarkus logs the address as a parameter). */
  private static String message(LogRecord r) {
    StringBuilder message = new StringBuilder(String.valueOf(r.getMessage()));
    if (r.getParameters() != null) {
      for (Object parameter : r.getParameters()) message.append(' ').append(parameter);
    }
    return message.toString();
  }

  /** A sampled W3C parent in trace {@code n}: the request's SERVER span joins that trace. */
  private static String traceparent(int n) {
    return "00-" + traceId(n) + "-00000000000000a1-01";
  }

  private static String traceId(int n) {
    return String.format("4bf92f3577b34da6a3ce929d0e0e%04x", n);
  }

  /** The SERVER span of trace {@code n}, once the reporter has sent it. */
  private static JsonObject awaitServerSpan(int n) {
    for (int i = 0; i < 300; i++) { // the reporter sends at least once a second
      Optional<JsonObject> span = serverSpans().stream()
          .filter(s -> traceId(n).equals(s.getString("traceId")))
          .findFirst();
      if (span.isPresent()) return span.get();
      sleep(50);
    }
    throw new AssertionError("no SERVER span in trace " + traceId(n) + " in " + ZIPKIN.received());
  }

  private static List<JsonObject> serverSpans() {
    List<JsonObject> spans = new ArrayList<>();
    for (String body : ZIPKIN.received().split("\n")) {
      if (body.isBlank()) continue;
      for (Object o : new JsonArray(body)) {
        JsonObject span = (JsonObject) o;
        if ("SERVER".equals(span.getString("kind"))) spans.add(span);
      }
    }
    return spans;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
