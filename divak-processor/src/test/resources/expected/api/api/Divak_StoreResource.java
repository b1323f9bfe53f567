package api;

import divak.Decorators;
import divak.Span;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import javax.annotation.processing.Generated;

/**
 * Traces {@link StoreResource}: its traced resource methods tag the request's server span and
 * record what they throw; the server filter decides whether that fails the request (a 5xx
 * answer or an unmapped exception) or not (a mapped 4xx). Registered by
 * {@link DivakResources}.
 *
 * <p>The overrides repeat no Jakarta REST or Bean Validation annotation: the container
 * and the validator take those from {@code StoreResource} (Jakarta REST 3.1, section 3.6), and
 * Hibernate Validator rejects redeclared parameter constraints. Other annotations, such as
 * security roles and name bindings, are repeated for containers that read them here.
 */
@Generated("divak.processor.DivakProcessor")
@Path("/stores")
@Produces("text/plain")
public class Divak_StoreResource extends StoreResource {
  public Divak_StoreResource() {
    super();
  }

  @Override
  public String store(String city) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.tag("city", city);
      }
      return super.store(city);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }
}
