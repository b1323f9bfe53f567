package divak.report;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends finished spans to a Zipkin collector as v2 JSON ({@code POST {baseUrl}/spans}).
 *
 * <pre>{@code
 * Divak divak = Divak.builder()
 *     .serviceName("orders")
 *     .reporter(ZipkinReporter.create("http://127.0.0.1:9411/api/v2"))
 *     .build();
 * }</pre>
 *
 * <p>{@link #report} encodes the span on the caller's thread and appends it to a bounded queue; it
 * never waits for the network and never throws. When the queue is full (by span count or by
 * bytes) the span is dropped and counted. One daemon thread sends the queue in batches: as soon
 * as a message's worth is queued, else once per interval. A batch the collector does not accept
 * is counted as failed and not retried. {@link #close()} sends everything still queued, within
 * the close timeout, and then stops the thread.
 *
 * <p>Once the reporter has settled (after {@code close()} returns), every span handed to it is
 * counted exactly once: {@code spansReported() + spansDropped() + spansFailed()} equals the
 * number of calls to {@code report}.
 */
public final class ZipkinReporter implements Reporter {
  private static final Logger LOG = LoggerFactory.getLogger(ZipkinReporter.class);

  private final URI endpoint;
  private final QueuedSender sender;

  private ZipkinReporter(Builder b) {
    this.endpoint = b.endpoint;
    SpanPoster poster = new SpanPoster(endpoint, "application/json", Map.of(), false,
        b.connectTimeout, b.requestTimeout);
    this.sender = new QueuedSender(LOG, "Zipkin collector " + endpoint, "divak-zipkin-sender",
        poster, ZipkinJson::encodeList, b.queuedMaxSpans, b.queuedMaxBytes, b.messageMaxBytes,
        b.messageTimeout, b.closeTimeout);
  }

  /**
   * A reporter with the default limits that posts to {@code baseUrl + "/spans"}.
   *
   * @param baseUrl the collector's API root, such as {@code http://127.0.0.1:9411/api/v2}
   * @throws IllegalArgumentException when {@code baseUrl} is not an http or https URL
   */
  public static ZipkinReporter create(String baseUrl) {
    return builder(baseUrl).build();
  }

  /**
   * Configures a reporter that posts to {@code baseUrl + "/spans"}.
   *
   * @param baseUrl the collector's API root, such as {@code http://127.0.0.1:9411/api/v2}
   * @throws IllegalArgumentException when {@code baseUrl} is not an http or https URL
   */
  public static Builder builder(String baseUrl) {
    return new Builder(Builder.spansEndpoint(baseUrl));
  }

  /**
   * Configures a reporter that posts to {@code spansUrl} itself, as {@code
   * OTEL_EXPORTER_ZIPKIN_ENDPOINT} gives it ({@code http://localhost:9411/api/v2/spans}).
   *
   * @throws IllegalArgumentException when {@code spansUrl} is not an http or https URL
   */
  public static Builder builderForSpansUrl(String spansUrl) {
    return new Builder(Builder.httpUrl("spansUrl", spansUrl, spansUrl));
  }

  /** Encodes and queues the span, or drops and counts it; never waits and never throws. */
  @Override
  public void report(FinishedSpan span) {
    sender.report(span, ZipkinJson::encode);
  }

  /**
   * Sends the spans queued now without waiting for the interval, and waits until they are sent
   * or have failed, at most the close timeout. Spans reported meanwhile may go in the same
   * batches.
   */
  @Override
  public void flush() {
    sender.flush();
  }

  /**
   * Stops taking spans (later ones are counted as dropped), sends every queued batch and stops the
   * sender thread. When the close timeout runs out first, the spans still queued are dropped and
   * a request in flight is abandoned (its spans count as failed). Only the first call does this.
   */
  @Override
  public void close() {
    sender.close();
  }

  /** Spans the collector accepted (a 2xx answer). */
  public long spansReported() {
    return sender.reported();
  }

  /** Spans never sent: the queue was full, a span was larger than a message, or after close. */
  public long spansDropped() {
    return sender.droppedCount();
  }

  /** Spans sent in a batch that the collector refused, answered with an error or timed out. */
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

  /** The most bytes that were ever queued at once. */
  long queuedBytesHighWaterMark() {
    return sender.queuedBytesHighWaterMark();
  }

  private ZipkinReporter start() {
    sender.start();
    return this;
  }

  @Override
  public String toString() {
    return "ZipkinReporter{" + endpoint + "}";
  }

  /**
   * The limits of a {@link ZipkinReporter}. Defaults: 10,000 spans and 4 MiB queued, messages of
   * at most 500 KiB, sent at least once a second, 5 s to connect, 10 s per request, 5 s to close.
   */
  public static final class Builder {
    private final URI endpoint;
    private int queuedMaxSpans = 10_000;
    private int queuedMaxBytes = 4 * 1024 * 1024;
    private int messageMaxBytes = 500 * 1024;
    private Duration messageTimeout = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(5);

    Builder(URI endpoint) {
      this.endpoint = endpoint;
    }

    /** The most spans queued; more are dropped. Default 10,000. */
    public Builder queuedMaxSpans(int queuedMaxSpans) {
      this.queuedMaxSpans = positive("queuedMaxSpans", queuedMaxSpans);
      return this;
    }

    /**
     * The most bytes of encoded spans queued; more are dropped. Default 4 MiB: about 10,000 spans
     * of 400 bytes, and the same on every heap size.
     */
    public Builder queuedMaxBytes(int queuedMaxBytes) {
      this.queuedMaxBytes = positive("queuedMaxBytes", queuedMaxBytes);
      return this;
    }

    /**
     * The largest request body; a batch is sent as soon as this much is queued, and a single span
     * larger than this is dropped. Default 500 KiB, Zipkin's and Brave's default.
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
      this.messageTimeout = positive("messageTimeout", messageTimeout);
      return this;
    }

    /** How long to wait for a connection to the collector. Default 5 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * How long one request may take, from sending to the response; a collector that hangs fails
     * the batch after this. Default 10 s.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
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
    public ZipkinReporter build() {
      return new ZipkinReporter(this).start();
    }

    private static URI spansEndpoint(String baseUrl) {
      if (baseUrl == null) throw new NullPointerException("baseUrl == null");
      String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return httpUrl("baseUrl", baseUrl, base + "/spans");
    }

    static URI httpUrl(String name, String given, String url) {
      if (given == null) throw new NullPointerException(name + " == null");
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " is not a valid URL: was '" + given + "'", e);
      }
      String scheme = uri.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(name + " should be an http or https URL such as"
            + " http://127.0.0.1:9411/api/v2: was '" + given + "'");
      }
      return uri;
    }

    static int positive(String name, int value) {
      if (value <= 0) throw new IllegalArgumentException(name + " should be positive: was " + value);
      return value;
    }

    static Duration positive(String name, Duration value) {
      if (value == null) throw new NullPointerException(name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " should be positive: was " + value);
      }
      return value;
    }
  }
}
