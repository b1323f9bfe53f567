package divak.samples.backend;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stock levels per SKU. Every resource method enriches its request's server span. */
@Path("/inventory")
@Produces(MediaType.TEXT_PLAIN)
@Traced
public class InventoryResource {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryResource.class);

  private final StockService stock;

  @Inject
  public InventoryResource(StockService stock) {
    this.stock = stock;
  }

  @GET
  @Path("/{sku}")
  public String stock(@Tag("sku") @PathParam("sku") String sku,
      @Tag("warehouse") @QueryParam("warehouse") Warehouse warehouse) {
    LOG.info("stock asked for {}", sku);
    int units = stock.unitsOf(sku, warehouse == null ? Warehouse.MAIN : warehouse);
    return sku + "=" + units;
  }
}
