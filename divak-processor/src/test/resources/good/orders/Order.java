package orders;

public class Order {
  public String sku;
}
