package shop;

import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.springframework.stereotype.Component;

@Component
@Path("/stock")
@Traced
public class StockResource {
  @GET
  @Path("/{sku}")
  public String get(@PathParam("sku") String sku) {
    return sku;
  }
}
