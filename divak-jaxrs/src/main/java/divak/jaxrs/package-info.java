/**
 * Jakarta REST integration, registered with one {@link divak.jaxrs.DivakFeature}: on a server, a
 * SERVER span per request named by its route template, the trace ids and Request-Id in the MDC,
 * request metrics and an access log line (logger {@code divak.access}); on a {@code Client}, a
 * CLIENT span per call with the trace headers injected. Works on any implementation through
 * standard filters; Jersey and RESTEasy hooks, loaded only when present, add what their filters
 * cannot see (late failures, exceptions mapped by the container).
 */
@NullMarked
package divak.jaxrs;

import org.jspecify.annotations.NullMarked;
