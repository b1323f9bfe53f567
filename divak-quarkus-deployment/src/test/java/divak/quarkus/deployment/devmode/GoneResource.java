package divak.quarkus.deployment.devmode;

import divak.annotations.Traced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** A traced resource whose source {@code DevModeReloadTest} deletes while the application runs. */
@Path("/gone")
@Produces("text/plain")
@ApplicationScoped
@Traced
public class GoneResource {
  @GET
  public String get() {
    return getClass().getSimpleName();
  }
}
