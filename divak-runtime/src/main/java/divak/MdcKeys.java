package divak;

/** The MDC keys under which the current span's trace id, span id and Request-Id are put. */
record MdcKeys(String traceId, String spanId, String requestId) {
  static final MdcKeys DEFAULT = new MdcKeys("traceId", "spanId", "requestId");
}
