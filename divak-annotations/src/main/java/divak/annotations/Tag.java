package divak.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tags the span of a {@link Traced} method with this parameter's argument, under the key {@link
 * #value()}.
 *
 * <pre>{@code
 * @GET @Path("/{id}")
 * public Order get(@Tag("order.id") @PathParam("id") String id) { ... }
 * }</pre>
 *
 * <p>The conversion is chosen at compile time from the parameter's type, without reflection:
 * {@code int}, {@code long}, {@code boolean} and {@code double} are tagged as they are, with no
 * boxing ({@code short} and {@code byte} as {@code int}, {@code float} as {@code double}, {@code
 * char} as a one-character string); a {@code String} as it is; an enum by {@link Enum#name()}; an
 * array by {@link java.util.Arrays#toString}; any other object by {@link String#valueOf(Object)}.
 * A null argument adds no tag.
 *
 * <p>It is a compile error to put {@code @Tag} on a parameter of a method that is not traced (an
 * overridable method of an abstract class is allowed: a traced subclass may inherit it), to give an
 * empty key, or to use one key twice in a method.
 *
 * <p>The retention is {@link RetentionPolicy#CLASS CLASS}, for the reasons given on {@link
 * Traced}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Tag {
  /** The tag key, such as {@code order.id}; not empty, and not repeated within one method. */
  String value();
}
