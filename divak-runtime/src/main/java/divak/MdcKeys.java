package divak;

/**
 * The MDC keys under which the current span's trace id, span id and Request-Id are put, and the
 * W3C baggage entries copied into the MDC under their own keys (none by default).
 */
record MdcKeys(String traceId, String spanId, String requestId, String[] baggage) {
  static final MdcKeys DEFAULT = new MdcKeys("traceId", "spanId", "requestId", new String[0]);

  MdcKeys withIds(String traceId, String spanId, String requestId) {
    return new MdcKeys(traceId, spanId, requestId, baggage);
  }

  MdcKeys withBaggage(String... keys) {
    return new MdcKeys(traceId, spanId, requestId, keys.clone());
  }
}
