package divak.it.inject;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** Built by the container's dependency injection through its {@code @Inject} constructor. */
@Path("/greet")
@Produces("text/plain")
@Traced
public class GreetingResource {
  private final Greeter greeter;

  @Inject
  public GreetingResource(Greeter greeter) {
    this.greeter = greeter;
  }

  @GET
  @Path("/{name}")
  public String greet(@Tag("name") @PathParam("name") String name) {
    return greeter.greet(name);
  }
}
