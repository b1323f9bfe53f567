package divak.jaxrs.books;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource without a decorator. */
@Path("/plain")
public class PlainResource {
  /** Always the same. */
  @GET
  public String get() {
    return "plain";
  }
}
