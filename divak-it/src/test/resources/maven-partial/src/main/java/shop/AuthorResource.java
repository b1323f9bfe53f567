package shop;

import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/authors")
@Traced
public class AuthorResource {
  @GET
  public String list() {
    return "authors";
  }
}
