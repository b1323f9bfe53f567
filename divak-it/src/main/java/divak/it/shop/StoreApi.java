package divak.it.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The resource's path sits on the interface, not on {@link StoreResource}. */
@Path("/stores")
@Produces("text/plain")
public interface StoreApi {
  @GET
  @Path("/{city}")
  String store(@PathParam("city") String city);
}
