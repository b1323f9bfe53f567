package io.divak.samples;

import divak.Divak;
import divak.Operation;
import divak.Span;
import divak.TraceContext;
import divak.report.Reporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a short trace, a server span with two child operations, and prints each finished span
 * as one Zipkin v2 JSON line through the logging reporter. No server is needed.
 */
public final class Demo {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  public static void main(String[] args) throws Exception {
    try (Divak divak = Divak.builder()
        .serviceName("orders")
        .reporter(Reporter.logging())
        .build()) {
      Span server = divak.startSpan("GET /orders/{id}", Span.Kind.SERVER, null);
      server.tag("http.method", "GET").tag("http.route", "/orders/{id}");
      try (var scope = divak.withSpan(server)) {
        TraceContext ids = server.context();
        LOG.info("handling order 42 in trace {}", ids.traceIdString());
        try (Operation op = divak.operation("query-db")) {
          Thread.sleep(3);
          op.tag("query-db.rowcount", 1);
        }
        try (Operation op = divak.operation("render")) {
          op.annotate("template.cached");
          Thread.sleep(1);
        }
      }
      server.tag("http.status_code", 200).finish();
    }
  }

  private Demo() {
  }
}
