package shop;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import javax.annotation.processing.Generated;

/**
 * Traces {@link PriceService}: each traced method runs in a child span of the current span.
 * Create this class where a {@code PriceService} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_PriceService extends PriceService {
  public Divak_PriceService() {
    super();
  }

  @Override
  public long price(String sku) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PriceService.price");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        span.tag("sku", sku);
      }
      return super.price(sku);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
