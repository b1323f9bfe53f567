package shop;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import javax.annotation.processing.Generated;

/**
 * Traces {@link CartService}: each traced method runs in a child span of the current span.
 * Create this class where a {@code CartService} would be created.
 */
@Generated("divak.processor.DivakProcessor")
@ApplicationScoped
@Named("cart")
public class Divak_CartService extends CartService {
  public Divak_CartService() {
    super();
  }

  @Override
  public int size() {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "CartService.size");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      return super.size();
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
