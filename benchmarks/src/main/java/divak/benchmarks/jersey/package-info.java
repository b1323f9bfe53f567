/**
 * The request benchmark: one {@code GET} through Jersey's {@code ApplicationHandler} in process
 * (no sockets), untraced, traced by divak, and traced by the peers, with the same headers.
 */
package divak.benchmarks.jersey;
