package divak.report;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends finished spans over OTLP/HTTP in protobuf ({@code POST {endpoint}/v1/traces}, {@code
 * Content-Type: application/x-protobuf}), to an OpenTelemetry Collector or any backend that takes
 * OTLP.
 *
 * <pre>{@code
 * Divak divak = Divak.builder()
 *     .serviceName("orders")
 *     .reporter(OtlpReporter.create("http://127.0.0.1:4318"))
 *     .build();
 * }</pre>
 *
 * <p>It shares the Zipkin reporter's machinery and guarantees: {@link #report} encodes the span on
 * the caller's thread and appends it to a bounded queue, never waiting for the network and never
 * throwing; a full queue drops and counts the span; one daemon thread sends batches; a batch the
 * endpoint does not accept is counted as failed and not retried; {@link #close()} sends what is
 * queued within the close timeout. Once settled, {@code spansReported() + spansDropped() +
 * spansFailed()} equals the number of calls to {@code report}.
 *
 * <p>Tags are written under the OpenTelemetry HTTP semantic conventions ({@code
 * http.request.method}, {@code http.response.status_code}, {@code url.path}, ...), typed; see the
 * README's "OpenTelemetry" section for the table.
 */
public final class OtlpReporter implements Reporter {
  private static final Logger LOG = LoggerFactory.getLogger(OtlpReporter.class);

  private final URI endpoint;
  private final QueuedSender sender;

  private OtlpReporter(Builder b) {
    this.endpoint = b.endpoint;
    byte[] resource = OtlpProtobuf.resourceAttributes(b.resourceAttributes);
    SpanPoster poster = new SpanPoster(endpoint, "application/x-protobuf", b.headers, b.gzip,
        b.connectTimeout, b.timeout);
    this.sender = new QueuedSender(LOG, "OTLP endpoint " + endpoint, "divak-otlp-sender", poster,
        batch -> OtlpProtobuf.request(batch, resource), b.queuedMaxSpans, b.queuedMaxBytes,
        b.messageMaxBytes, b.messageTimeout, b.closeTimeout);
  }

  /**
   * A reporter with the default settings that posts to {@code endpoint + "/v1/traces"}.
   *
   * @param endpoint the OTLP/HTTP base URL, such as {@code http://127.0.0.1:4318}
   * @throws IllegalArgumentException when {@code endpoint} is not an http or https URL
   */
  public static OtlpReporter create(String endpoint) {
    return builder(endpoint).build();
  }

  /**
   * Configures a reporter that posts to {@code endpoint + "/v1/traces"}, as {@code
   * OTEL_EXPORTER_OTLP_ENDPOINT} is read.
   *
   * @param endpoint the OTLP/HTTP base URL, such as {@code http://127.0.0.1:4318}
   * @throws IllegalArgumentException when {@code endpoint} is not an http or https URL
   */
  public static Builder builder(String endpoint) {
    if (endpoint == null) throw new NullPointerException("endpoint == null");
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return new Builder(ZipkinReporter.Builder.httpUrl("endpoint", endpoint, base + "/v1/traces"));
  }

  /**
   * Configures a reporter that posts to {@code tracesUrl} as given, as {@code
   * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is read.
   *
   * @throws IllegalArgumentException when {@code tracesUrl} is not an http or https URL
   */
  public static Builder builderForTracesUrl(String tracesUrl) {
    return new Builder(ZipkinReporter.Builder.httpUrl("tracesUrl", tracesUrl, tracesUrl));
  }

  /** Encodes and queues the span, or drops and counts it; never waits and never throws. */
  @Override
  public void report(FinishedSpan span) {
    sender.report(span, OtlpProtobuf::encodeQueued);
  }

  /**
   * Sends the spans queued now without waiting for the interval, and waits until they are sent
   * or have failed, at most the close timeout.
   */
  @Override
  public void flush() {
    sender.flush();
  }

  /**
   * Stops taking spans (later ones are counted as dropped), sends every queued batch and stops the
   * sender thread, within the close timeout; what is left then is dropped and counted.
   */
  @Override
  public void close() {
    sender.close();
  }

  /** Spans the endpoint accepted (a 2xx answer). */
  public long spansReported() {
    return sender.reported();
  }

  /** Spans never sent: the queue was full, a span was larger than a message, or after close. */
  public long spansDropped() {
    return sender.droppedCount();
  }

  /** Spans sent in a batch that the endpoint refused, answered with an error or timed out. */
  public long spansFailed() {
    return sender.failed();
  }

  /** Spans waiting in the queue now. */
  public int queuedSpans() {
    return sender.queuedSpans();
  }

  /** Bytes of encoded spans waiting in the queue now. */
  public long queuedBytes() {
    return sender.queuedBytes();
  }

  /** The URL spans are posted to. */
  public URI endpoint() {
    return endpoint;
  }

  private OtlpReporter start() {
    sender.start();
    return this;
  }

  @Override
  public String toString() {
    return "OtlpReporter{" + endpoint + "}";
  }

  /**
   * The settings of an {@link OtlpReporter}. Defaults as the OpenTelemetry SDK's: no headers, no
   * compression, 10 s per request; and the Zipkin reporter's queue limits: 10,000 spans and 4 MiB
   * queued, messages of at most 500 KiB sent at least once a second, 5 s to close.
   */
  public static final class Builder {
    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
    private boolean gzip;
    private int queuedMaxSpans = 10_000;
    private int queuedMaxBytes = 4 * 1024 * 1024;
    private int messageMaxBytes = 500 * 1024;
    private Duration messageTimeout = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(5);

    Builder(URI endpoint) {
      this.endpoint = endpoint;
    }

    /**
     * A header sent with every request, such as an API key ({@code OTEL_EXPORTER_OTLP_HEADERS}).
     *
     * @throws IllegalArgumentException when Java's HTTP client may not send this header
     */
    public Builder header(String name, String value) {
      if (name == null) throw new NullPointerException("name == null");
      if (value == null) throw new NullPointerException("value == null");
      try {
        HttpRequest.newBuilder(endpoint).header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "header '" + name + "' cannot be sent: " + e.getMessage(), e);
      }
      headers.put(name, value);
      return this;
    }

    /** {@code "gzip"} compresses request bodies; {@code "none"} (the default) does not. */
    public Builder compression(String compression) {
      if ("gzip".equals(compression)) {
        gzip = true;
      } else if ("none".equals(compression)) {
        gzip = false;
      } else {
        throw new IllegalArgumentException(
            "compression should be gzip or none: was '" + compression + "'");
      }
      return this;
    }

    /**
     * A resource attribute besides {@code service.name} (taken from each span's service) and
     * {@code telemetry.sdk.*}, such as {@code deployment.environment.name}.
     */
    public Builder resourceAttribute(String key, String value) {
      if (key == null) throw new NullPointerException("key == null");
      if (value == null) throw new NullPointerException("value == null");
      resourceAttributes.put(key, value);
      return this;
    }

    /**
     * How long one export may take, from sending to the response ({@code
     * OTEL_EXPORTER_OTLP_TIMEOUT}). Default 10 s.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = ZipkinReporter.Builder.positive("timeout", timeout);
      return this;
    }

    /** How long to wait for a connection. Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = ZipkinReporter.Builder.positive("connectTimeout", connectTimeout);
      return this;
    }

    /** The most spans queued; more are dropped. Default 10,000. */
    public Builder queuedMaxSpans(int queuedMaxSpans) {
      this.queuedMaxSpans = ZipkinReporter.Builder.positive("queuedMaxSpans", queuedMaxSpans);
      return this;
    }

    /** The most bytes of encoded spans queued; more are dropped. Default 4 MiB. */
    public Builder queuedMaxBytes(int queuedMaxBytes) {
      this.queuedMaxBytes = ZipkinReporter.Builder.positive("queuedMaxBytes", queuedMaxBytes);
      return this;
    }

    /**
     * The largest batch of encoded spans per request; a single span larger than this is dropped.
     * Default 500 KiB.
     */
    public Builder messageMaxBytes(int messageMaxBytes) {
      if (messageMaxBytes < 64) {
        throw new IllegalArgumentException(
            "messageMaxBytes should be at least 64: was " + messageMaxBytes);
      }
      this.messageMaxBytes = messageMaxBytes;
      return this;
    }

    /** The longest a span waits in the queue for a batch to fill up. Default 1 s. */
    public Builder messageTimeout(Duration messageTimeout) {
      this.messageTimeout = ZipkinReporter.Builder.positive("messageTimeout", messageTimeout);
      return this;
    }

    /** How long {@code close()} and {@code flush()} wait for the queue to be sent. Default 5 s. */
    public Builder closeTimeout(Duration closeTimeout) {
      if (closeTimeout == null) throw new NullPointerException("closeTimeout == null");
      if (closeTimeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout should not be negative: was " + closeTimeout);
      }
      this.closeTimeout = closeTimeout;
      return this;
    }

    /** A reporter with its sender thread started. */
    public OtlpReporter build() {
      return new OtlpReporter(this).start();
    }
  }
}
