/**
 * Where finished spans go: a {@link divak.report.Reporter} receives each finished, sampled span as
 * a read-only {@link divak.report.FinishedSpan}. {@link divak.report.ZipkinReporter} queues them
 * (bounded in spans and bytes) and posts them in batches as Zipkin v2 JSON from one background
 * thread, dropping and counting rather than blocking a request when the collector is slow or
 * down; {@link divak.report.LoggingReporter} logs them and {@link divak.report.InMemoryReporter}
 * keeps them for tests.
 */
@NullMarked
package divak.report;

import org.jspecify.annotations.NullMarked;
