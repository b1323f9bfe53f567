package divak.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import divak.testing.HttpContainer;
import divak.testing.JerseyContainer;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;

/** Jersey on Grizzly on 127.0.0.1, serving {@link Shop} and whatever else is given. */
final class MetricsTestServer implements TestServer {
  private final HttpContainer server;

  MetricsTestServer(int workerThreads, Object... components) {
    ResourceConfig config = new ResourceConfig();
    config.register(Shop.class);
    for (Object component : components) config.register(component);
    server = JerseyContainer.start(config, workerThreads);
  }

  @Override
  public URI uri() {
    return server.uri();
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  @Override
  public void close() {
    server.close();
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
