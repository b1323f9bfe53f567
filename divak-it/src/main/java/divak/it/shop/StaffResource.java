package divak.it.shop;

import divak.annotations.Traced;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Class-level security annotation. */
@Path("/staff")
@Produces("text/plain")
@RolesAllowed("staff")
@Traced
public class StaffResource {
  @GET
  public String hello() {
    return "hello staff";
  }
}
