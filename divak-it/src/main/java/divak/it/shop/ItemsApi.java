package divak.it.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The Jakarta REST annotations of {@link ItemsResource} sit here, on the interface. */
public interface ItemsApi {
  @GET
  @Path("/{id}")
  @Produces("text/plain")
  String item(@PathParam("id") String id);

  @GET
  @Path("/{id}/audited")
  @Produces("text/plain")
  String audited(@PathParam("id") String id);
}
