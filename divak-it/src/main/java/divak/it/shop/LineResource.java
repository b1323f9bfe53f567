package divak.it.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A sub-resource, created by {@link OrderResource#lines}. */
public class LineResource {
  private final String orderId;

  public LineResource(String orderId) {
    this.orderId = orderId;
  }

  @GET
  public String all() {
    return "lines of " + orderId;
  }

  @GET
  @Path("/{n}")
  public String one(@PathParam("n") int n) {
    return "line " + n + " of " + orderId;
  }
}
