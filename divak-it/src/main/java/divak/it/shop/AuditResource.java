package divak.it.shop;

import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

@Path("/audit")
@Produces("text/plain")
@Traced
public class AuditResource {
  @GET
  @Audited
  public String audited() {
    return "audited";
  }

  @GET
  @Path("/plain")
  public String plain() {
    return "plain";
  }
}
