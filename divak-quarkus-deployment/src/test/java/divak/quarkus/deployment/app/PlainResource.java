package divak.quarkus.deployment.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Not traced: no decorator is written for it. */
@Path("/plain")
public class PlainResource {
  @GET
  public String get() {
    return "plain";
  }
}
