package divak.it.shop;

import divak.annotations.Traced;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Method-level security annotations. */
@Path("/admin")
@Produces("text/plain")
@Traced
public class AdminResource {
  @GET
  @RolesAllowed("admin")
  public String secret() {
    return "secret";
  }

  @GET
  @Path("/open")
  @PermitAll
  public String open() {
    return "open";
  }

  @GET
  @Path("/closed")
  @DenyAll
  public String closed() {
    return "closed";
  }
}
