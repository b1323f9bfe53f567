package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Every resource method of the class is traced. */
@Path("/orders")
@Produces("text/plain")
@Traced
public class OrderResource {
  @Context
  UriInfo uriInfo;

  private final PricingService pricing = new Divak_PricingService();

  @GET
  @Path("/{id}")
  @Traced("order.get")
  public String get(@Tag("order.id") @PathParam("id") String id) {
    return "order " + id;
  }

  @GET
  public String list() {
    return "all orders";
  }

  @GET
  @Path("/by/{customer}")
  public String list(@Tag("customer") @PathParam("customer") String customer) {
    return "orders of " + customer;
  }

  @GET
  @Path("/page/{page}")
  public String list(@Tag("page") @PathParam("page") int page) {
    return "page " + page;
  }

  @GET
  @Path("/count")
  public long count(@Tag("min") @QueryParam("min") short min,
      @Tag("express") @QueryParam("express") boolean express,
      @Tag("ratio") @QueryParam("ratio") double ratio,
      @Tag("priority") @QueryParam("priority") Priority priority,
      @Tag("limit") @QueryParam("limit") Integer limit) {
    return 42;
  }

  @POST
  @Path("/{id}/cancel")
  public void cancel(@Tag("order.id") @PathParam("id") String id) {
  }

  @GET
  @Path("/{id}/created")
  public Response created(@Tag("order.id") @PathParam("id") String id) {
    return Response.status(202).entity("accepted " + id).build();
  }

  @GET
  @Path("/{id}/checked")
  public String checked(@Tag("order.id") @PathParam("id") String id) throws OrderNotFound {
    throw new OrderNotFound(id);
  }

  /** A 4xx answer thrown as an exception: an answer, not a failure. */
  @GET
  @Path("/{id}/missing")
  public String missing(@Tag("order.id") @PathParam("id") String id) {
    throw new NotFoundException("no order " + id);
  }

  @GET
  @Path("/{id}/async")
  public CompletionStage<String> async(@Tag("order.id") @PathParam("id") String id) {
    return CompletableFuture.supplyAsync(() -> "later " + id,
        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
  }

  @GET
  @Path("/{id}/async-failure")
  public CompletionStage<String> asyncFailure(@Tag("order.id") @PathParam("id") String id) {
    return CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("failed later " + id);
    }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
  }

  @GET
  @Path("/{id}/where")
  public String where(@PathParam("id") String id) {
    return uriInfo.getPath();
  }

  @GET
  @Path("/{id}/price")
  public String price(@Tag("order.id") @PathParam("id") String id) {
    return "price " + pricing.quote(id, 3);
  }

  @GET
  @Path("/{id}/price-later")
  public CompletionStage<String> priceLater(@Tag("order.id") @PathParam("id") String id) {
    return pricing.quoteLater(id).thenApply(price -> "price " + price);
  }

  /** A sub-resource locator: the request's span is tagged here, the line resource answers. */
  @Path("/{id}/lines")
  public LineResource lines(@Tag("order.id") @PathParam("id") String id) {
    return new LineResource(id);
  }
}
