package shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import org.springframework.stereotype.Service;

@Service("prices")
public class PriceService {
  @Traced
  public long price(@Tag("sku") String sku) {
    return sku.length();
  }
}
