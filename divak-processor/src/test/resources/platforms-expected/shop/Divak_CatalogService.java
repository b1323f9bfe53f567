package shop;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import javax.annotation.processing.Generated;

/**
 * Traces {@link CatalogService}: each traced method runs in a child span of the current span.
 * Create this class where a {@code CatalogService} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_CatalogService extends CatalogService {
  public Divak_CatalogService() {
    super();
  }

  @Override
  public String describe(String sku) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "CatalogService.describe");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      return super.describe(sku);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
