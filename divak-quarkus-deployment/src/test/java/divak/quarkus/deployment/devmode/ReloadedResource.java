package divak.quarkus.deployment.devmode;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * The traced resource that {@code DevModeReloadTest} edits while the application runs in dev
 * mode. The body names the class that serves, so the test sees whether the decorator does.
 */
@Path("/reloaded")
@Produces("text/plain")
@Traced
public class ReloadedResource {
  @GET
  @Path("/{name}")
  public String greet(@Tag("greeting.name") @PathParam("name") String name) {
    return getClass().getSimpleName() + " hello " + name;
  }
}
