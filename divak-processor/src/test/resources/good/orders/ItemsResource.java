package orders;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.Path;

@Path("/items")
public class ItemsResource implements ItemsApi {
  @Override
  @Traced
  public String item(@Tag("item.id") String id) {
    return id;
  }
}
