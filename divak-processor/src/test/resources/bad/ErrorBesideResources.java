package bad;

import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A valid resource beside an invalid one: one error, and no warning about DivakResources. */
public class ErrorBesideResources {
  @Path("/fine")
  @Traced
  public static class Fine {
    @GET
    public String get() {
      return "fine";
    }
  }

  @Path("/broken") @Traced
  public static final class Broken {
    @GET
    public String get() {
      return "broken";
    }
  }
}
