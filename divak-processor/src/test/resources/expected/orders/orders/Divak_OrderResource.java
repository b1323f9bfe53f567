package orders;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
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
@Path("/orders")
public class Divak_OrderResource extends OrderResource {
  @Inject
  public Divak_OrderResource(@Context UriInfo uriInfo, Inventory inventory) {
    super(uriInfo, inventory);
  }

  @Override
  public String get(String id) throws IOException {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.name("get order");
        span.tag("order.id", id);
      }
      return super.get(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  @RolesAllowed("admin")
  @Logged
  public Response place(OrderResource.Priority priority, int count, Boolean express, char code,
      Order order) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        if (priority != null) span.tag("order.priority", priority.name());
        span.tag("order.count", count);
        if (express != null) span.tag("order.express", express);
        span.tag("order.code", String.valueOf(code));
      }
      return super.place(priority, count, express, code, order);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  public long count(short min, String[] tags) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.tag("order.min", min);
        if (tags != null) span.tag("order.tags", Arrays.toString(tags));
      }
      return super.count(min, tags);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  public void cancel(String id) {
    Span span = Decorators.currentSpan();
    try {
      super.cancel(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  public CompletionStage<String> async(Long id) {
    Span span = Decorators.currentSpan();
    CompletionStage<String> stage;
    try {
      if (!span.isNoop()) {
        if (id != null) span.tag("order.id", id);
      }
      stage = super.async(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
    if (stage == null || span.isNoop()) return stage;
    return stage.whenComplete((result, error) -> {
      if (error != null) span.recordException(error);
    });
  }

  @Override
  public LineResource lines(String id) {
    Span span = Decorators.currentSpan();
    try {
      if (!span.isNoop()) {
        span.tag("order.id", id);
      }
      return super.lines(id);
    } catch (Throwable e) {
      span.recordException(e);
      throw e;
    }
  }

  @Override
  protected int reserve(Object sku) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "OrderResource.reserve");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        if (sku != null) span.tag("sku", String.valueOf(sku));
      }
      return super.reserve(sku);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
