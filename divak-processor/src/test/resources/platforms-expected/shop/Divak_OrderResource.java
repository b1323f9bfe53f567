package shop;

import divak.Decorators;
import divak.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import javax.annotation.processing.Generated;

/**
 * Traces {@link OrderResource}: its traced resource methods tag the request's server span and
 * record what they throw; the server filter decides whether that fails the request (a 5xx
 * answer or an unmapped exception) or not (a mapped 4xx). Registered by
 * {@link DivakResources}.
 *
 * <p>The overrides repeat no Jakarta REST or Bean Validation annotation: the container
 * and the validator take those from {@code OrderResource} (Jakarta REST 3.1, section 3.6), and
 * Hibernate Validator rejects redeclared parameter constraints. Other annotations, such as
 * security roles and name bindings, are repeated for containers that read them here.
 */
@Generated("divak.processor.DivakProcessor")
@RequestScoped
@Path("/orders")
public class Divak_OrderResource extends OrderResource {
  @Inject
  public Divak_OrderResource(CartService cart) {
    super(cart);
  }

  protected Divak_OrderResource() {
    super();
  }

  @Override
  public String get(long id) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.tag("order.id", id);
      }
      return super.get(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }
}
