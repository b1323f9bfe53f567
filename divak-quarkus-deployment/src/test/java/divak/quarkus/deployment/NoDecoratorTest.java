package divak.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import divak.quarkus.deployment.app.PlainResource;
import io.quarkus.test.QuarkusUnitTest;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application without decorators (the processor is missing, or nothing is {@code @Traced})
 * starts, says so at build time, and its requests are still traced by divak's filters.
 */
class NoDecoratorTest {
  @RegisterExtension
  static final QuarkusUnitTest TEST = new QuarkusUnitTest()
      .overrideConfigKey("quarkus.http.test-port", "0") // an ephemeral port
      .withApplicationRoot(jar -> jar.addClasses(PlainResource.class))
      .setLogRecordPredicate(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
          && String.valueOf(r.getMessage()).startsWith("divak:"))
      .assertLogRecords(records -> assertThat(records).singleElement()
          .satisfies(r -> assertThat(r.getMessage()).contains("divak-processor")));

  @Test
  void requestsAreStillTraced() {
    given().when().get("/plain")
        .then().statusCode(200)
        .header("Request-Id", matchesPattern("[0-9a-f-]{36}"));
  }
}
