package divak.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces a method, or every method of a class, through a decorator subclass written at compile
 * time.
 *
 * <pre>{@code
 * @Path("/orders")
 * @Traced
 * public class OrderResource {
 *   @GET @Path("/{id}")
 *   public Order get(@Tag("order.id") @PathParam("id") String id) { ... }
 * }
 *
 * resourceConfig.register(new DivakFeature(divak));
 * resourceConfig.register(DivakResources.class);   // generated: registers Divak_OrderResource
 * }</pre>
 *
 * <p>For each class with {@code @Traced} on it or on one of its methods, the divak processor
 * writes {@code Divak_OrderResource extends OrderResource} in the same package (a nested class
 * {@code Outer.Inner} gives {@code Divak_Outer_Inner}). The decorator overrides each traced method
 * and calls {@code super}; use the decorator wherever the class would be instantiated. What a
 * traced method does depends on what it is:
 *
 * <ul>
 *   <li>A <b>resource method</b> (or sub-resource locator) of a Jakarta REST resource
 *       <em>enriches</em> the request's server span, which the divak-jaxrs filters start and end:
 *       it adds the {@link Tag} values, renames the span when a name is given here, and records an
 *       exception the method throws. There is one span per request.
 *   <li>Any other method, such as one of a service class, runs in a new <em>child span</em> of the
 *       current span, named {@code OrderService.place} (the class's simple name and the method's)
 *       unless a name is given here.
 *   <li>A method that returns a {@link java.util.concurrent.CompletionStage} is finished, or has
 *       its failure recorded, when the stage completes rather than when the method returns.
 * </ul>
 *
 * <p>On a class, {@code @Traced} traces every resource method of a resource class (its own and
 * those it inherits), and every public instance method the class declares otherwise; never {@code
 * toString}, {@code equals} or {@code hashCode}, nor a method the decorator cannot override (a
 * {@code final} one), and not a method marked {@link NotTraced @NotTraced}. It then takes no name:
 * span names are given per method.
 *
 * <p>The processor rejects, with a compile error on the element, what the decorator could not do:
 * a final, sealed, abstract or non-static inner class, an interface, a private, static or final
 * method with {@code @Traced} on it, a class without a non-private constructor.
 *
 * <p>The retention is {@link RetentionPolicy#CLASS CLASS}: nothing reads {@code @Traced} by
 * reflection, but it stays in class files so that the processor sees it on classes of other
 * compilations (a traced subclass of a library resource) and so that incremental builds, which
 * reprocess unchanged classes from their class files, see it too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {
  /**
   * The span name. For a resource method, the server span is renamed to it; for another method,
   * the child span is named with it. Empty (the default) keeps the server span's name ({@code GET
   * /orders/{id}}) or names the child span {@code SimpleClassName.method}. Not allowed on a class.
   */
  String value() default "";
}
