package divak.jaxrs;

/** The MDC keys divak fills for the duration of a request. */
record MdcKeys(String traceId, String spanId, String requestId) {
}
