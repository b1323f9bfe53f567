package shop;

import divak.Decorators;
import divak.Span;
import jakarta.ws.rs.Path;
import javax.annotation.processing.Generated;

/**
 * Traces {@link StockResource}: its traced resource methods tag the request's server span and
 * record what they throw; the server filter decides whether that fails the request (a 5xx
 * answer or an unmapped exception) or not (a mapped 4xx). Registered by
 * {@link DivakResources}.
 *
 * <p>The overrides repeat no Jakarta REST or Bean Validation annotation: the container
 * and the validator take those from {@code StockResource} (Jakarta REST 3.1, section 3.6), and
 * Hibernate Validator rejects redeclared parameter constraints. Other annotations, such as
 * security roles and name bindings, are repeated for containers that read them here.
 */
@Generated("divak.processor.DivakProcessor")
@Path("/stock")
public class Divak_StockResource extends StockResource {
  public Divak_StockResource() {
    super();
  }

  @Override
  public String get(String sku) {
    Span span = Decorators.currentSpan();
    try {
      return super.get(sku);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }
}
