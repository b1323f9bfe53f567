package shop;

import divak.annotations.Traced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

@ApplicationScoped
@Named("cart")
public class CartService {
  @Traced
  public int size() {
    return 0;
  }
}
