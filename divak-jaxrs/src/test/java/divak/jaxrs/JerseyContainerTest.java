package divak.jaxrs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeAll;

/** The container suite on Jersey 3.1 with Grizzly. */
class JerseyContainerTest extends ContainerContract {

  /** Runs only in the JVM that has this container alone on the classpath (see the pom). */
  @BeforeAll
  static void onlyThisContainer() {
    assumeTrue(onClasspath("org.glassfish.jersey.server.ResourceConfig"),
        "container not on this classpath");
  }

  @Override
  protected TestServer start(int workerThreads, Object... components) {
    ResourceConfig config = new ResourceConfig();
    for (Object component : components) config.register(component);
    URI uri = URI.create("http://127.0.0.1:" + TestServer.freePort() + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, config, false);
    server.getListener("grizzly").getTransport().setWorkerThreadPoolConfig(
        ThreadPoolConfig.defaultConfig().setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads)
            .setPoolName("jersey-worker"));
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

  @Override
  protected boolean seesExceptions() {
    return true;
  }

  @Override
  protected boolean seesClientFailures() {
    return true;
  }
}
