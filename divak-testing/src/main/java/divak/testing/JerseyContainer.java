package divak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on Grizzly on 127.0.0.1 and a port Grizzly binds itself (port 0), with a fixed number of
 * worker threads. Needs {@code jersey-container-grizzly2-http} and {@code jersey-hk2} on the test
 * class path; divak-testing does not bring them.
 */
public final class JerseyContainer {
  /** Starts {@code config}, served by {@code workerThreads} worker threads. */
  public static HttpContainer start(ResourceConfig config, int workerThreads) {
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
    NetworkListener listener = server.getListener("grizzly");
    listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
        .setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads)
        .setPoolName("jersey-worker"));
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Grizzly on 127.0.0.1", e);
    }
    URI uri = URI.create("http://127.0.0.1:" + listener.getPort() + "/");
    return new HttpContainer() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        server.shutdownNow();
      }

      @Override
      public String toString() {
        return "Jersey on Grizzly at " + uri;
      }
    };
  }

  /** Starts the resources and providers {@code components} (classes or instances). */
  public static HttpContainer start(int workerThreads, Object... components) {
    ResourceConfig config = new ResourceConfig();
    for (Object component : components) {
      if (component instanceof Class<?> type) config.register(type); else config.register(component);
    }
    return start(config, workerThreads);
  }

  private JerseyContainer() {
  }
}
