package orders;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@Path("/orders")
@Produces("application/json")
@Consumes("application/json")
@Traced
public class OrderResource {
  public enum Priority { LOW, HIGH }

  private final Inventory inventory;

  @Inject
  public OrderResource(@Context UriInfo uriInfo, Inventory inventory) {
    this.inventory = inventory;
  }

  @GET
  @Path("/{id}")
  @Traced("get order")
  public String get(@Tag("order.id") @PathParam("id") String id) throws IOException {
    return id;
  }

  @POST
  @RolesAllowed("admin")
  @Logged
  public Response place(@Tag("order.priority") @QueryParam("priority") Priority priority,
      @Tag("order.count") @QueryParam("count") int count,
      @Tag("order.express") @QueryParam("express") Boolean express,
      @Tag("order.code") @QueryParam("code") char code,
      @NotNull @Valid Order order) {
    return Response.ok().build();
  }

  @GET
  @Path("/count")
  public long count(@Tag("order.min") @QueryParam("min") short min, @Tag("order.tags") @QueryParam("tag") String[] tags) {
    return 0;
  }

  @POST
  @Path("/{id}/cancel")
  public void cancel(@PathParam("id") String id) {
  }

  @GET
  @Path("/{id}/async")
  public CompletionStage<String> async(@Tag("order.id") @PathParam("id") Long id) {
    return CompletableFuture.completedFuture("x");
  }

  @Path("/{id}/lines")
  public LineResource lines(@Tag("order.id") @PathParam("id") String id) {
    return new LineResource();
  }

  /** Not a resource method: class-level @Traced leaves it alone. */
  public String describe() {
    return "orders";
  }

  /** Not a resource method, traced on its own: a child span. */
  @Traced
  protected int reserve(@Tag("sku") Object sku) {
    return inventory.hashCode();
  }
}
