/**
 * The annotation processor ({@link divak.processor.DivakProcessor}) that runs inside {@code
 * javac}: for each {@code @Traced} class it writes a decorator subclass ({@code
 * Divak_OrderResource}) that opens a span around each traced method and tags it from {@code @Tag}
 * parameters, and per package a {@code DivakResources} feature that registers the decorated root
 * resources. Misuse (a final or private traced method, a tag that cannot be read) is a compile
 * error on the offending line. Used at compile time only; nothing here is on a service's run-time
 * class path.
 */
@NullMarked
package divak.processor;

import org.jspecify.annotations.NullMarked;
