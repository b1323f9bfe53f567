package shop;

import divak.Divak;
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("CartService.size");
    Scope scope = divak.withSpan(span);
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
