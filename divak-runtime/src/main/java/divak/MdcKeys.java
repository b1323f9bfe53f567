package divak;

/**
 * The MDC keys under which the current span's trace id, span id and Request-Id are put, and the
 * W3C baggage entries copied into the MDC under their own keys (none by default); when not {@code
 * on}, nothing is put into the MDC.
 */
record MdcKeys(String traceId, String spanId, String requestId, String[] baggage, boolean on) {
  static final MdcKeys DEFAULT =
      new MdcKeys("traceId", "spanId", "requestId", new String[0], true);
  /** Nothing goes into the MDC. */
  static final MdcKeys OFF = new MdcKeys("traceId", "spanId", "requestId", new String[0], false);

  MdcKeys withIds(String traceId, String spanId, String requestId) {
    return new MdcKeys(traceId, spanId, requestId, baggage, on);
  }

  MdcKeys withBaggage(String... keys) {
    return new MdcKeys(traceId, spanId, requestId, keys.clone(), on);
  }
}
