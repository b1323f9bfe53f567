package divak.it.shop;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.QueryParam;

/** A bean parameter with constraints, checked through {@code @Valid}. */
public class OrderForm {
  @QueryParam("sku")
  @NotBlank
  public String sku;

  @QueryParam("quantity")
  @Min(1)
  public int quantity;
}
