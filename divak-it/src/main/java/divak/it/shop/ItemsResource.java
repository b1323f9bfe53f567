package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.Path;

@Path("/items")
public class ItemsResource implements ItemsApi {
  @Override
  @Traced
  public String item(@Tag("item.id") String id) {
    return "item " + id;
  }

  /** The name binding sits on this method, the HTTP method on the interface. */
  @Override
  @Traced
  @Audited
  public String audited(@Tag("item.id") String id) {
    return "audited item " + id;
  }
}
