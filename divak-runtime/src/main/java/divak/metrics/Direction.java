package divak.metrics;

/** Requests a service handled, or calls it made; each has its own metric families. */
enum Direction {
  SERVER("divak_http_server_", "route", "Requests handled", "request"),
  CLIENT("divak_http_client_", "host", "Calls made", "call");

  final String requestsTotal;
  final String errorsTotal;
  final String duration;
  final String targetLabel;
  final String requestsHelp;
  final String errorsHelp;
  final String durationHelp;

  Direction(String prefix, String targetLabel, String what, String one) {
    this.requestsTotal = prefix + "requests_total";
    this.errorsTotal = prefix + "errors_total";
    this.duration = prefix + "request_duration_seconds";
    this.targetLabel = targetLabel;
    this.requestsHelp = what + ", by method, " + targetLabel + " and status.";
    this.errorsHelp = what + " that failed (a 5xx status or an exception), by method, "
        + targetLabel + " and status.";
    this.durationHelp = "Duration of each " + one + " in seconds, by method, " + targetLabel
        + " and status.";
  }
}
