package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** Bean Validation on parameters and a return value, with the decorator redeclaring none. */
@Path("/validated")
@Produces("text/plain")
@Traced
public class ValidatedResource {
  @GET
  public String search(@Tag("q") @NotNull @QueryParam("q") String q) {
    return "found " + q;
  }

  @GET
  @Path("/{n}")
  public String number(@Tag("n") @Max(10) @PathParam("n") int n) {
    return "number " + n;
  }

  @POST
  public String order(@Valid @BeanParam OrderForm form) {
    return "ordered " + form.quantity + " " + form.sku;
  }

  @GET
  @Path("/short")
  @Size(max = 3)
  public String result(@QueryParam("text") String text) {
    return text;
  }
}
