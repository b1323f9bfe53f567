package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.jaxrs.books.BookResource;
import divak.jaxrs.books.Divak_BookResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
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
    URI uri = URI.create("http://127.0.0.1:" + TestServer.freePort() + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, config, false);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestServer() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        server.shutdownNow();
      }
    };
  }
}
