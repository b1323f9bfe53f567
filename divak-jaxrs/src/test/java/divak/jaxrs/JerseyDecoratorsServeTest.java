package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.testing.JerseyContainer;
import divak.jaxrs.books.BookResource;
import divak.jaxrs.books.Divak_BookResource;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** {@link JerseyDecoratorsServe} on Jersey 3.1 with Grizzly. */
class JerseyDecoratorsServeTest extends DecoratorsServeContract {

  /** Why the model processor exists: without it Jersey refuses to serve the two classes. */
  @Test
  void withoutDivakJerseyRefusesToStartWithBothRegistered() {
    assertThatThrownBy(() -> start(null, List.of(BookResource.class, Divak_BookResource.class)))
        .hasStackTraceContaining("ambiguous");
  }

  @Override
  TestServer start(DivakFeature feature, List<?> components) {
    ResourceConfig config = new ResourceConfig();
    if (feature != null) config.register(feature);
    for (Object component : components) {
      if (component instanceof Class) {
        config.register((Class<?>) component);
      } else {
        config.register(component);
      }
    }
    return TestServer.of(JerseyContainer.start(config, 4));
  }
}
