package divak.jaxrs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.BeforeAll;

/** The container suite on RESTEasy 6.2 with Undertow. */
class ResteasyContainerTest extends ContainerContract {

  /** Runs only in the JVM that has this container alone on the classpath (see the pom). */
  @BeforeAll
  static void onlyThisContainer() {
    assumeTrue(onClasspath("org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer"),
        "container not on this classpath");
  }

  @Override
  protected TestServer start(int workerThreads, Object... components) {
    int port = TestServer.freePort();
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(port, "127.0.0.1")
        .setIoThreads(1).setWorkerThreads(workerThreads));
    Set<Object> singletons = Set.of(components);
    server.deploy(new Application() {
      @Override
      public Set<Object> getSingletons() {
        return singletons;
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

  @Override
  protected boolean seesExceptions() {
    return false;
  }

  @Override
  protected boolean seesClientFailures() {
    return false;
  }
}
