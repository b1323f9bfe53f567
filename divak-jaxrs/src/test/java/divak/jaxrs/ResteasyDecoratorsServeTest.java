package divak.jaxrs;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** {@link ResteasyDecoratorsServe} on RESTEasy 6.2 with Undertow. */
class ResteasyDecoratorsServeTest extends DecoratorsServeContract {

  @Override
  TestServer start(DivakFeature feature, List<Class<?>> classes) {
    int port = TestServer.freePort();
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    Set<Class<?>> resources = new LinkedHashSet<>(classes); // registered in this order
    server.deploy(new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return resources;
      }

      @Override
      public Set<Object> getSingletons() {
        return Set.of(feature);
      }
    }, "/");
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    return new TestServer() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        server.stop();
      }
    };
  }
}
