package shop;

import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/books")
@Traced
public class BookResource {
  @GET
  public String list() {
    return "books";
  }
}
