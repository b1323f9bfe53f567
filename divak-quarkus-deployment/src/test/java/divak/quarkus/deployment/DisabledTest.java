package divak.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import divak.quarkus.deployment.app.Divak_Ledger;
import divak.quarkus.deployment.app.Divak_Shelf;
import divak.quarkus.deployment.app.Divak_ShelfResource;
import divak.quarkus.deployment.app.Divak_Visits;
import divak.quarkus.deployment.app.Ledger;
import divak.quarkus.deployment.app.Shelf;
import divak.quarkus.deployment.app.ShelfResource;
import divak.quarkus.deployment.app.Spans;
import divak.quarkus.deployment.app.Visits;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code quarkus.divak.enabled=false} the decorators are left out instead of the originals:
 * the application builds (no path declared twice), the original serves and is the bean, and no
 * divak filter answers.
 */
class DisabledTest {
  @RegisterExtension
  static final QuarkusUnitTest TEST = new QuarkusUnitTest()
      .overrideConfigKey("quarkus.http.test-port", "0") // an ephemeral port
      .overrideConfigKey("quarkus.divak.enabled", "false")
      .withApplicationRoot(jar -> jar.addClasses(ShelfResource.class, Divak_ShelfResource.class,
          Shelf.class, Divak_Shelf.class, Visits.class, Divak_Visits.class, Ledger.class,
          Divak_Ledger.class, Spans.class));

  @Test
  void theOriginalServesWithoutDivak() {
    String body = given().when().get("/shelves/poetry")
        .then().statusCode(200).header("Request-Id", nullValue())
        .extract().asString();
    assertThat(body).startsWith("ShelfResource ");
  }

  @Test
  void theOriginalIsTheBean() {
    assertThat(Arc.container().select(Shelf.class).getHandle().getBean().getBeanClass())
        .isEqualTo(Shelf.class);
  }
}
