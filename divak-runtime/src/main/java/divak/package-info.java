/**
 * The tracer and its spans: {@link divak.Divak} is configured once (service name, sampler,
 * propagation formats, reporters) and starts {@link divak.Span}s; each span carries a {@link
 * divak.TraceContext} (a 128-bit trace id, the span's and its parent's ids, the sampling decision
 * and the divak {@code Request-Id}); {@link divak.Sampler} decides which new traces are recorded,
 * and the current span of each thread moves with the request through {@link divak.Scope}s and
 * wrapped executors. An unsampled span is a no-op that still propagates its ids. Depends on
 * slf4j-api only.
 */
@NullMarked
package divak;

import org.jspecify.annotations.NullMarked;
