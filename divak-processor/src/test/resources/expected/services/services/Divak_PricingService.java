package services;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Traces {@link PricingService}: each traced method runs in a child span of the current span.
 * Create this class where a {@code PricingService} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_PricingService extends PricingService {
  public Divak_PricingService() {
    super();
  }

  protected Divak_PricingService(String currency) {
    super(currency);
  }

  @Override
  public double quote(String sku, int quantity) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PricingService.quote");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        span.tag("sku", sku);
        span.tag("quantity", quantity);
      }
      return super.quote(sku, quantity);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }

  @Override
  public <T extends Comparable<T>> T max(List<T> values) throws InterruptedException {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PricingService.max");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      return super.max(values);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }

  @Override
  public CompletableFuture<Double> quoteLater(String sku) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PricingService.quoteLater");
    CompletableFuture<Double> stage;
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        span.tag("sku", sku);
      }
      stage = super.quoteLater(sku);
    } catch (Throwable e) {
      span.error(e);
      span.finish();
      throw e;
    } finally {
      scope.close();
    }
    if (stage == null || span.isNoop()) {
      span.finish();
      return stage;
    }
    return stage.whenComplete((result, error) -> {
      if (error != null) span.error(error);
      span.finish();
    });
  }

  @Override
  public PricingService.Quote quoteAhead(String sku) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PricingService.quoteAhead");
    PricingService.Quote stage;
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        span.tag("sku", sku);
      }
      stage = super.quoteAhead(sku);
    } catch (Throwable e) {
      span.error(e);
      span.finish();
      throw e;
    } finally {
      scope.close();
    }
    if (stage == null || span.isNoop()) {
      span.finish();
    } else {
      stage.whenComplete((result, error) -> {
        if (error != null) span.error(error);
        span.finish();
      });
    }
    return stage;
  }

  @Override
  public void warm(String... skus) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "PricingService.warm");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      super.warm(skus);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
