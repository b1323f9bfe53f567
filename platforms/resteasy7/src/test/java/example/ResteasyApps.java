package example;

import divak.platforms.PlatformContract.Running;
import example.books.BookResource;
import example.books.Catalog;
import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** Starts the books application, or its undecorated twin, on a free port of 127.0.0.1. */
final class ResteasyApps {

  static Running start(boolean scanning) throws Exception {
    int port = freePort();
    return running(port, Main.start(port, scanning));
  }

  /** The books application without divak: the original resource and catalog. */
  static Running startPlain() throws Exception {
    int port = freePort();
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    server.deploy(new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return Set.of(BookResource.class, PlainCatalog.class);
      }
    });
    return running(port, server);
  }

  /** The undecorated catalog. */
  @Provider
  public static class PlainCatalog implements ContextResolver<Catalog> {
    private final Catalog catalog = new Catalog();

    @Override
    public Catalog getContext(Class<?> type) {
      return catalog;
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static Running running(int port, UndertowJaxrsServer server) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    return new Running() {
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

  private ResteasyApps() {
  }
}
