/**
 * The test kit shared by divak's modules, never shipped to users: loopback ports bound once and
 * handed over ({@link divak.testing.Ports}), one polling helper ({@link divak.testing.Await}), a
 * loopback Zipkin collector that records what it receives ({@link divak.testing.ZipkinSink}), a
 * real Zipkin server in a child process ({@link divak.testing.ZipkinServer}), the Prometheus
 * binaries ({@link divak.testing.Promtool}), and a check that a library is on the class path
 * that fails with what to add ({@link divak.testing.Require}). A test that cannot run fails with
 * a message; it never skips.
 */
@NullMarked
package divak.testing;

import org.jspecify.annotations.NullMarked;
