package orders;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

public interface ItemsApi {
  @GET
  @Path("/{id}")
  String item(@PathParam("id") String id);
}
