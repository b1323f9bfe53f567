package divak.metrics;

/** Requests a service handled, or calls it made; each has its own metric families. */
enum Direction {
  SERVER("divak_http_server_", "route", "Requests handled", "request",
      "a 5xx status or an exception"),
  CLIENT("divak_http_client_", "host", "Calls made", "call",
      "a 4xx or 5xx status, no response or an exception");

  final String requestsTotal;
  final String errorsTotal;
  final String duration;
  final String targetLabel;
  final String requestsHelp;
  final String errorsHelp;
  final String durationHelp;

  Direction(String prefix, String targetLabel, String what, String one, String failure) {
    this.requestsTotal = prefix + "requests_total";
    this.errorsTotal = prefix + "errors_total";
    this.duration = prefix + "request_duration_seconds";
    this.targetLabel = targetLabel;
    this.requestsHelp = what + ", by method, " + targetLabel + " and status.";
    this.errorsHelp = what + " that failed (" + failure + "), by method, "
        + targetLabel + " and status.";
    this.durationHelp = "Duration of each " + one + " in seconds, by method, " + targetLabel
        + " and status.";
  }

  /**
   * Whether {@code status} (0 for none, or one that is not HTTP's) fails a request by itself, by
   * OpenTelemetry's HTTP conventions: a server's 4xx is the client's mistake, a client's is its
   * own. divak-jaxrs' {@code ErrorRule} decides spans by the same rule.
   */
  boolean failedBy(int status) {
    return this == SERVER ? status >= 500 : status < 100 || status >= 400;
  }
}
