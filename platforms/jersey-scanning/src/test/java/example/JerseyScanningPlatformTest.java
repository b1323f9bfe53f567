package example;

import divak.Divak;
import divak.platforms.PlatformContract;
import divak.report.Reporter;
import example.books.BookResource;
import example.books.Catalog;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey 3.1 with {@code ResourceConfig.packages}: scanning finds {@code BookResource} and its
 * decorator both; the application starts and the decorator serves.
 */
class JerseyScanningPlatformTest extends PlatformContract {

  @Override
  protected Running startTraced(Reporter reporter) throws Exception {
    URI uri = freeUri();
    Divak divak = Divak.builder().serviceName("books").reporter(reporter).build();
    return running(uri, Main.startServer(uri, divak));
  }

  @Override
  protected Running startPlain() throws Exception {
    URI uri = freeUri();
    ResourceConfig rc = new ResourceConfig()
        .register(BookResource.class)
        .register(new AbstractBinder() {
          @Override
          protected void configure() {
            bind(Catalog.class).to(Catalog.class).in(Singleton.class);
          }
        });
    return running(uri, GrizzlyHttpServerFactory.createHttpServer(uri, rc));
  }

  static Running running(URI uri, HttpServer server) {
    return new Running() {
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

  static URI freeUri() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }
}
