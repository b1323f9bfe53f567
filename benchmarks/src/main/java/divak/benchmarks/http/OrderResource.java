package divak.benchmarks.http;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The service under load, written as a user writes one: {@code GET /orders/{id}} answers a small
 * JSON body, {@code GET /lines/{id}} asks this same service for the order through a Jersey {@code
 * Client} and wraps the answer. Compiled with the divak processor ({@code Divak_OrderResource},
 * {@code DivakResources}); the untraced modes register this class itself.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Traced
public class OrderResource {
  private final OrderClient orders;
  private final RequestCounts counts;

  /** The client of {@code /orders}, and the counters the driver reads at the end. */
  @Inject
  public OrderResource(OrderClient orders, RequestCounts counts) {
    this.orders = orders;
    this.counts = counts;
  }

  /** One order. */
  @GET
  @Path("orders/{id}")
  public String order(@Tag("order.id") @PathParam("id") String id) {
    counts.orders.increment();
    return body(id);
  }

  /** One line of an order: the order, fetched over HTTP. */
  @GET
  @Path("lines/{id}")
  public String line(@Tag("line.id") @PathParam("id") String id) {
    counts.lines.increment();
    return "{\"line\":\"" + id + "\",\"order\":" + orders.get(id) + "}";
  }

  /** The body of {@code /orders/{id}}: the driver checks it. */
  static String body(String id) {
    return "{\"id\":\"" + id + "\",\"status\":\"shipped\"}";
  }
}
