package shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@RequestScoped
@Path("/orders")
@Traced
public class OrderResource {
  private final CartService cart;

  @Inject
  public OrderResource(CartService cart) {
    this.cart = cart;
  }

  protected OrderResource() {
    this(null);
  }

  @GET
  @Path("/{id}")
  public String get(@Tag("order.id") @PathParam("id") long id) {
    return id + ":" + cart.size();
  }
}
