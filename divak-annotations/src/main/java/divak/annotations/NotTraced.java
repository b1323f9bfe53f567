package divak.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a method out of its class's {@link Traced @Traced}: the decorator does not override it,
 * so calls to it start no span and tag nothing.
 *
 * <pre>{@code
 * @Traced
 * public class StockService {
 *   public int unitsOf(@Tag("sku") String sku) { ... }   // a child span per call
 *
 *   @NotTraced
 *   public boolean isWarm() { ... }                      // called per request, not worth a span
 * }
 * }</pre>
 *
 * <p>{@code @Traced} on a class never covers {@code toString}, {@code equals} or {@code hashCode},
 * nor a method its decorator cannot override (a {@code final} one), so those need no {@code
 * @NotTraced}. A method with both {@code @Traced} and {@code @NotTraced} is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NotTraced {
}
