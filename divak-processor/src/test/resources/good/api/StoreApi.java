package api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

@Path("/stores")
@Produces("text/plain")
public interface StoreApi {
  @GET
  @Path("/{city}")
  String store(@PathParam("city") String city);
}
