package divak.it.shop;

import divak.annotations.Traced;
import jakarta.ws.rs.Path;

@Path("/users")
@Traced
public class UserResource extends CrudResource<String> {
  @Override
  protected String find(String id) {
    return "user " + id;
  }

  @Override
  protected String save(String entity) {
    return "saved " + entity;
  }
}
