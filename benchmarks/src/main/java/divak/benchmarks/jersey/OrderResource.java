package divak.benchmarks.jersey;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The resource of the request benchmark. Compiled with the divak processor, which writes {@code
 * Divak_OrderResource} (tags the server span with {@code order.id}) and {@code DivakResources}.
 * The untraced application registers this class itself.
 */
@Path("/orders")
@Traced
public class OrderResource {
  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String get(@Tag("order.id") @PathParam("id") String id) {
    return id;
  }
}
