package orders;

import jakarta.ws.rs.GET;

public class LineResource {
  @GET
  public String all() {
    return "";
  }
}
