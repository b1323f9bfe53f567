package shop;

import divak.annotations.Traced;

@Catalog
public class CatalogService {
  @Traced
  public String describe(String sku) {
    return sku;
  }
}
