package divak.testing;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * RESTEasy on Undertow on 127.0.0.1 and a port Undertow binds itself (port 0), with one I/O thread
 * and a fixed number of worker threads. Needs {@code resteasy-undertow} on the test class path;
 * divak-testing does not bring it.
 */
public final class ResteasyContainer {
  /** Deploys {@code application} at {@code /}, served by {@code workerThreads} worker threads. */
  public static HttpContainer start(Application application, int workerThreads) {
    Server server = new Server();
    server.start(Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setIoThreads(1).setWorkerThreads(workerThreads));
    server.deploy(application, "/");
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
    return new HttpContainer() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        server.stop();
      }

      @Override
      public String toString() {
        return "RESTEasy on Undertow at " + uri;
      }
    };
  }

  /** Deploys the resources and providers {@code components} as singletons. */
  public static HttpContainer start(int workerThreads, Object... components) {
    Set<Object> singletons = Set.of(components);
    return start(new Application() {
      @Override
      @SuppressWarnings("deprecation") // the way to hand RESTEasy instances
      public Set<Object> getSingletons() {
        return singletons;
      }
    }, workerThreads);
  }

  /** Reads the port Undertow bound. */
  private static final class Server extends UndertowJaxrsServer {
    int port() {
      return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
  }

  private ResteasyContainer() {
  }
}
