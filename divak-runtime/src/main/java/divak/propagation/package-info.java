/**
 * Trace header formats: {@link divak.propagation.Propagation} reads a trace context from an
 * incoming request and writes it onto an outgoing one, through a getter and a setter on any
 * carrier, so that no wrapper is allocated per request. W3C Trace Context ({@code traceparent})
 * and Zipkin's B3, in its single-header and multi-header forms, are built in; malformed headers
 * are ignored and a new trace is started, never an exception.
 */
@NullMarked
package divak.propagation;

import org.jspecify.annotations.NullMarked;
