package divak.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** {@link JerseyDecoratorsServe} on Jersey 3.1 with Grizzly. */
class JerseyDecoratorsServeTest extends DecoratorsServeContract {

  @Override
  TestServer start(DivakFeature feature, List<Class<?>> classes) {
    ResourceConfig config = new ResourceConfig().register(feature);
    classes.forEach(config::register);
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
