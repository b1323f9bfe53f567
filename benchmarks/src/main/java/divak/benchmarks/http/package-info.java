/**
 * The real-HTTP benchmark ({@code benchmarks/http.sh}): a Jersey service on Grizzly, started as
 * its own JVM per mode ({@link divak.benchmarks.http.OrdersServer}), driven over loopback by
 * {@code wrk} from {@link divak.benchmarks.http.HttpBenchmark}, which also collects the spans
 * ({@code SpanSink}) and checks that every traced mode delivered what it should.
 */
package divak.benchmarks.http;
