package divak.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** Jersey on Grizzly on 127.0.0.1, serving {@link Shop} and whatever else is given. */
final class MetricsTestServer implements TestServer {
  private final URI uri;
  private final HttpServer server;

  MetricsTestServer(int workerThreads, Object... components) {
    ResourceConfig config = new ResourceConfig();
    config.register(Shop.class);
    for (Object component : components) config.register(component);
    uri = URI.create("http://127.0.0.1:" + TestServer.freePort() + "/");
    server = GrizzlyHttpServerFactory.createHttpServer(uri, config, false);
    server.getListener("grizzly").getTransport().setWorkerThreadPoolConfig(
        ThreadPoolConfig.defaultConfig().setCorePoolSize(workerThreads)
            .setMaxPoolSize(workerThreads).setPoolName("metrics-worker"));
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public URI uri() {
    return uri;
  }

  URI uri(String path) {
    return uri.resolve(path);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  @Path("/shop")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Shop {
    @GET
    @Path("/orders/{id}")
    public String order(@PathParam("id") String id) {
      return "order " + id;
    }

    @GET
    @Path("/broken")
    public String broken() {
      throw new IllegalStateException("broken on purpose");
    }

    @GET
    @Path("/unavailable")
    public Response unavailable() {
      return Response.status(503).entity("later").build();
    }
  }
}
