package divak.jaxrs;

/**
 * The one rule that decides whether a request failed, for its span and for the errors counter
 * alike, as OpenTelemetry's HTTP conventions decide it. A server request ({@code
 * divak_http_server_errors_total}): a 5xx answer, or an exception no mapper answered (also one
 * that broke the response while it was written), is a failure; any other answer, 4xx included,
 * is not, even when a mapper made it from an exception. A client call ({@code
 * divak_http_client_errors_total}): a 4xx or 5xx answer, a status that is not HTTP's, or no
 * answer at all is a failure. See RATIONALE.md.
 */
final class ErrorRule {

  /**
   * What a request's end means: {@code failed}, and the exception that names the failure
   * ({@code exception.type} on the span), or null when a status alone failed it or it did not
   * fail.
   */
  record Outcome(boolean failed, Throwable error) {
  }

  private static final Outcome OK = new Outcome(false, null);
  private static final Outcome FAILED_BY_STATUS = new Outcome(true, null);

  /**
   * @param status the status sent (500 for an unmapped exception)
   * @param unmapped an exception that reached the container, or broke writing; null if none
   * @param thrown what the resource method (or a filter) threw, mapped or not; null if nothing
   */
  static Outcome decide(int status, Throwable unmapped, Throwable thrown) {
    if (unmapped != null) return new Outcome(true, unmapped);
    if (status < 500) return OK;
    return thrown != null ? new Outcome(true, thrown) : FAILED_BY_STATUS;
  }

  /**
   * Whether a client call that got {@code status} failed: the caller asked for something it did
   * not get. {@code status} 0 (no response) and any value outside 100–599 fail too. The metrics
   * runtime counts a client route's statuses by the same rule.
   */
  static boolean clientFailed(int status) {
    return status < 100 || status >= 400;
  }

  private ErrorRule() {
  }
}
