/**
 * The two annotations of divak: {@link divak.annotations.Traced} marks what to trace and {@link
 * divak.annotations.Tag} turns an argument into a span tag.
 *
 * <p>They are read by the divak annotation processor when {@code javac} runs, which writes a
 * decorator subclass ({@code Divak_OrderResource}) for each traced class and, per package of
 * traced resources, a {@code DivakResources} feature that registers them. Nothing reads them at
 * run time.
 */
@NullMarked
package divak.annotations;

import org.jspecify.annotations.NullMarked;
