package services;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import javax.annotation.processing.Generated;

/**
 * Traces {@link PricingService.Rates}: each traced method runs in a child span of the current span.
 * Create this class where a {@code PricingService.Rates} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_PricingService_Rates extends PricingService.Rates {
  public Divak_PricingService_Rates() {
    super();
  }

  @Override
  void refresh(boolean force, float ratio) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "rates.refresh");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        span.tag("rates.force", force);
        span.tag("rates.ratio", ratio);
      }
      super.refresh(force, ratio);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
