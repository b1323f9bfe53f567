package generic;

import divak.annotations.Traced;
import jakarta.ws.rs.Path;

@Path("/users")
@Traced
public class UserResource extends CrudResource<UserResource.User> {
  public static class User {
  }
}
