package services;

import divak.Divak;
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("PricingService.quote");
    span.tag("sku", sku);
    span.tag("quantity", quantity);
    Scope scope = divak.withSpan(span);
    try {
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("PricingService.max");
    Scope scope = divak.withSpan(span);
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("PricingService.quoteLater");
    span.tag("sku", sku);
    CompletableFuture<Double> stage;
    Scope scope = divak.withSpan(span);
    try {
      stage = super.quoteLater(sku);
    } catch (Throwable e) {
      span.error(e);
      span.finish();
      throw e;
    } finally {
      scope.close();
    }
    if (stage == null) {
      span.finish();
      return null;
    }
    return stage.whenComplete((result, error) -> {
      if (error != null) span.error(error);
      span.finish();
    });
  }

  @Override
  public PricingService.Quote quoteAhead(String sku) {
    Divak divak = Divak.current();
    Span span = divak.startSpan("PricingService.quoteAhead");
    span.tag("sku", sku);
    PricingService.Quote stage;
    Scope scope = divak.withSpan(span);
    try {
      stage = super.quoteAhead(sku);
    } catch (Throwable e) {
      span.error(e);
      span.finish();
      throw e;
    } finally {
      scope.close();
    }
    if (stage == null) {
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("PricingService.warm");
    Scope scope = divak.withSpan(span);
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
