package divak.benchmarks.http;

import java.util.List;

/**
 * How the server runs in one measurement: with divak and which of its default features, with the
 * OpenTelemetry agent, or with neither. Every mode serves the same resource on the same JVM
 * flags; only what is named here differs.
 */
enum Mode {
  UNTRACED("untraced", Tracer.NONE, false, "logback-recommended.xml", Feature.NONE),
  DIVAK_UNSAMPLED("divak-unsampled", Tracer.DIVAK, false, "logback-recommended.xml", Feature.NONE),
  DIVAK_SAMPLED("divak-sampled", Tracer.DIVAK, true, "logback-recommended.xml", Feature.NONE),
  DIVAK_UNSAMPLED_NO_ACCESSLOG("divak-unsampled-no-accesslog", Tracer.DIVAK, false,
      "logback-recommended.xml", Feature.ACCESS_LOG),
  DIVAK_UNSAMPLED_NO_REQUESTID("divak-unsampled-no-requestid", Tracer.DIVAK, false,
      "logback-recommended.xml", Feature.REQUEST_ID),
  DIVAK_UNSAMPLED_NO_MDC("divak-unsampled-no-mdc", Tracer.DIVAK, false,
      "logback-recommended.xml", Feature.MDC),
  DIVAK_UNSAMPLED_NO_METRICS("divak-unsampled-no-metrics", Tracer.DIVAK, false,
      "logback-recommended.xml", Feature.METRICS),
  DIVAK_UNSAMPLED_SYNCFILE("divak-unsampled-syncfile", Tracer.DIVAK, false, "logback-sync.xml",
      Feature.NONE),
  DIVAK_UNSAMPLED_ASYNCFILE("divak-unsampled-asyncfile", Tracer.DIVAK, false,
      "logback-async.xml", Feature.NONE),
  OTEL_SAMPLED("otel-sampled", Tracer.OTEL_AGENT, true, "logback-recommended.xml", Feature.NONE),
  OTEL_UNSAMPLED("otel-unsampled", Tracer.OTEL_AGENT, false, "logback-recommended.xml",
      Feature.NONE);

  /** Who traces. */
  enum Tracer { NONE, DIVAK, OTEL_AGENT }

  /** The one default feature of divak a mode turns off, or none. */
  enum Feature { NONE, ACCESS_LOG, REQUEST_ID, MDC, METRICS }

  final String id;
  final Tracer tracer;
  final boolean sampled;
  final String logbackConfig;
  final Feature off;

  Mode(String id, Tracer tracer, boolean sampled, String logbackConfig, Feature off) {
    this.id = id;
    this.tracer = tracer;
    this.sampled = sampled;
    this.logbackConfig = logbackConfig;
    this.off = off;
  }

  boolean divak() {
    return tracer == Tracer.DIVAK;
  }

  /** Whether the server writes a divak access line per request. */
  boolean accessLog() {
    return divak() && off != Feature.ACCESS_LOG;
  }

  /** Whether the server generates a Request-Id when the request has none. */
  boolean generatesRequestIds() {
    return divak() && off != Feature.REQUEST_ID;
  }

  static Mode of(String id) {
    for (Mode mode : values()) {
      if (mode.id.equals(id)) return mode;
    }
    throw new IllegalArgumentException("no mode " + id + "; one of " + ids(List.of(values())));
  }

  static String ids(List<Mode> modes) {
    StringBuilder b = new StringBuilder();
    for (Mode mode : modes) b.append(b.length() == 0 ? "" : ", ").append(mode.id);
    return b.toString();
  }

  @Override
  public String toString() {
    return id;
  }
}
