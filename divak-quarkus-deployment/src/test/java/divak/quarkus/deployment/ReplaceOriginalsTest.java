package divak.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import divak.quarkus.deployment.app.Divak_Ledger;
import divak.quarkus.deployment.app.Divak_Shelf;
import divak.quarkus.deployment.app.Divak_ShelfResource;
import divak.quarkus.deployment.app.Divak_Visits;
import divak.quarkus.deployment.app.Ledger;
import divak.quarkus.deployment.app.Shelf;
import divak.quarkus.deployment.app.ShelfResource;
import divak.quarkus.deployment.app.Spans;
import divak.quarkus.deployment.app.Visits;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build steps replace each traced class by its decorator: one endpoint per path (no
 * "declared by Divak_ShelfResource#count ... ShelfResource#count"), one bean per type, with the
 * original's scope and {@code @Inject} constructor.
 */
class ReplaceOriginalsTest {
  @RegisterExtension
  static final QuarkusUnitTest TEST = new QuarkusUnitTest()
      .overrideConfigKey("quarkus.http.test-port", "0") // an ephemeral port
      .withApplicationRoot(jar -> jar.addClasses(ShelfResource.class, Divak_ShelfResource.class,
          Shelf.class, Divak_Shelf.class, Visits.class, Divak_Visits.class, Ledger.class, Divak_Ledger.class,
          Spans.class))
      // Ledger is injected nowhere; keep it, so that the test can look it up.
      .overrideConfigKey("quarkus.arc.remove-unused-beans", "false");

  @Inject InMemoryReporter reporter;

  @Test
  void theDecoratorServesThePathThroughTheInjectConstructor() {
    given().when().get("/shelves/fiction")
        .then().statusCode(200);
    String body = given().when().get("/shelves/poetry").then().statusCode(200)
        .extract().asString();
    assertThat(body).as("class, shelf.count, visits of this request")
        .isEqualTo("Divak_ShelfResource 6 1");
  }

  @Test
  void eachTypeHasOneBeanTheDecoratorWithTheOriginalsScope() {
    assertThat(onlyBean(Divak_ShelfResource.class).getScope()).isEqualTo(Singleton.class);
    assertThat(onlyBean(Shelf.class).getBeanClass()).isEqualTo(Divak_Shelf.class);
    assertThat(onlyBean(Shelf.class).getScope()).isEqualTo(ApplicationScoped.class);
    assertThat(onlyBean(Visits.class).getBeanClass()).isEqualTo(Divak_Visits.class);
    assertThat(onlyBean(Visits.class).getScope()).isEqualTo(RequestScoped.class);
  }

  @Test
  void theInjectedBeansSpansAreChildrenOfTheRequestsSpan() throws Exception {
    reporter.clear();
    given().header("Request-Id", "shelf-1").when().get("/shelves/maps").then().statusCode(200);

    List<FinishedSpan> spans = awaitServerSpan();
    FinishedSpan server = spans.stream().filter(s -> s.kind() == Span.Kind.SERVER).findFirst()
        .orElseThrow();
    assertThat(server.name()).isEqualTo("GET /shelves/{name}");
    assertThat(server.tag("shelf.name")).isEqualTo("maps");
    assertThat(server.context().requestId()).isEqualTo("shelf-1");
    for (String name : List.of("Shelf.count", "Visits.visit")) {
      FinishedSpan child = spans.stream().filter(s -> name.equals(s.name())).findFirst()
          .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
      assertThat(child.context().parentId()).as(name + "'s parent")
          .isEqualTo(server.context().spanId());
    }
  }

  private List<FinishedSpan> awaitServerSpan() throws InterruptedException {
    for (int i = 0; i < 200; i++) { // the span ends just after the response is written
      List<FinishedSpan> spans = reporter.spans();
      if (spans.stream().anyMatch(s -> s.kind() == Span.Kind.SERVER)) return spans;
      Thread.sleep(50);
    }
    throw new AssertionError("no SERVER span in " + reporter.spans());
  }

  @Test
  void aDecoratorWithoutScopeOrInjectGetsThemFromItsOriginal() {
    Bean<?> bean = onlyBean(Ledger.class);
    assertThat(bean.getBeanClass()).isEqualTo(Divak_Ledger.class);
    assertThat(bean.getScope()).isEqualTo(ApplicationScoped.class);
    assertThat(Arc.container().instance(Ledger.class).get().hasShelf())
        .as("built through the constructor that mirrors the @Inject one").isTrue();
  }

  @Test
  void noOriginalIsABean() {
    assertThat(Arc.container().beanManager().getBeans(Object.class))
        .extracting(Bean::getBeanClass)
        .doesNotContain(ShelfResource.class, Shelf.class, Visits.class, Ledger.class)
        .contains(Divak_ShelfResource.class, Divak_Shelf.class, Divak_Visits.class);
  }

  private static Bean<?> onlyBean(Class<?> type) {
    Set<Bean<?>> beans = Arc.container().beanManager().getBeans(type);
    assertThat(beans).as("beans of " + type.getSimpleName()).hasSize(1);
    return beans.iterator().next();
  }
}
