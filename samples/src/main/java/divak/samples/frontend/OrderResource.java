package divak.samples.frontend;

import divak.Divak;
import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orders: each one asks the backend for the stock of its items. */
@Path("/orders")
@Produces(MediaType.TEXT_PLAIN)
@Traced
public class OrderResource {
  private static final Logger LOG = LoggerFactory.getLogger(OrderResource.class);

  private final Backend backend;

  @Inject
  public OrderResource(Backend backend) {
    this.backend = backend;
  }

  /** Fans out: one backend call per item of the order. */
  @GET
  @Path("/{id}")
  public String order(@Tag("order.id") @PathParam("id") long id) {
    LOG.info("order {} requested", id);
    List<String> lines = new ArrayList<>();
    for (String sku : Catalog.itemsOf(id)) {
      lines.add(backend.stock(sku));
    }
    return "order " + id + ": " + String.join(", ", lines);
  }

  /** Asynchronous: the backend call runs on another thread; the span ends with the response. */
  @GET
  @Path("/{id}/eta")
  public CompletionStage<String> eta(@Tag("order.id") @PathParam("id") long id) {
    LOG.info("eta of order {} requested", id);
    Divak divak = Divak.current();
    Executor executor = divak.wrap(backend.executor());
    return CompletableFuture.supplyAsync(() -> backend.stock(Catalog.itemsOf(id).get(0)), executor)
        .thenApply(stock -> "order " + id + " ships in 2 days (" + stock + ")");
  }

  /** Fails: the backend answers 500 for a discontinued item, and so does this endpoint. */
  @POST
  @Path("/{id}/checkout")
  @Traced("checkout")
  public Response checkout(@Tag("order.id") @PathParam("id") long id) {
    LOG.info("checkout of order {}", id);
    backend.stock("discontinued-" + id);
    return Response.ok("checked out").build();
  }

  /** The backend service, through a JAX-RS client with DivakFeature registered. */
  public static final class Backend {
    private final Client client;
    private final String baseUri;
    private final Executor executor;

    public Backend(Client client, String baseUri, Executor executor) {
      this.client = client;
      this.baseUri = baseUri;
      this.executor = executor;
    }

    String stock(String sku) {
      Response response = client.target(baseUri).path("inventory").path(sku)
          .request(MediaType.TEXT_PLAIN).get();
      try {
        if (response.getStatus() != 200) {
          throw new WebApplicationException(
              "backend answered " + response.getStatus() + " for " + sku, 500);
        }
        return response.readEntity(String.class);
      } finally {
        response.close();
      }
    }

    Executor executor() {
      return executor;
    }
  }
}
