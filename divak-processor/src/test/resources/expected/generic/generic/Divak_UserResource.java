package generic;

import divak.Decorators;
import divak.Span;
import jakarta.ws.rs.Path;
import javax.annotation.processing.Generated;

/**
 * Traces {@link UserResource}: its traced resource methods tag the request's server span and
 * record what they throw; the server filter decides whether that fails the request (a 5xx
 * answer or an unmapped exception) or not (a mapped 4xx). Registered by
 * {@link DivakResources}.
 *
 * <p>The overrides repeat no Jakarta REST or Bean Validation annotation: the container
 * and the validator take those from {@code UserResource} (Jakarta REST 3.1, section 3.6), and
 * Hibernate Validator rejects redeclared parameter constraints. Other annotations, such as
 * security roles and name bindings, are repeated for containers that read them here.
 */
@Generated("divak.processor.DivakProcessor")
@Path("/users")
public class Divak_UserResource extends UserResource {
  public Divak_UserResource() {
    super();
  }

  @Override
  public UserResource.User get(String id) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.tag("id", id);
      }
      return super.get(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  public UserResource.User create(UserResource.User entity) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        if (entity != null) span.tag("entity", String.valueOf(entity));
      }
      return super.create(entity);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }
}
