/**
 * JMH benchmarks of divak beside Brave and the OpenTelemetry SDK, in the same run: starting and
 * finishing spans, header extraction and injection, Zipkin JSON encoding, the reporter's queue
 * and the metrics. Each benchmark checks its own result (a span reported, headers round-tripped,
 * JSON decodable); run with {@code benchmarks/run.sh}, results in {@code docs/BENCHMARKS.md}.
 */
package divak.benchmarks;
