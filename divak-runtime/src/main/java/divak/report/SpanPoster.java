package divak.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Posts a request body of spans over HTTP/1.1: a Zipkin JSON list, or an OTLP request. Used by
 * one thread, the reporter's sender.
 */
final class SpanPoster {
  private final URI uri;
  private final String contentType;
  private final Map<String, String> headers;
  private final boolean gzip;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  /**
   * Built on the first post, by the sender thread: building the JDK's client loads its HTTP stack
   * and the default TLS context (the trust store), which cost the application's startup about
   * 0.1–0.3 s when done in the reporter's constructor, and an unsampled service never posts.
   */
  private HttpClient client;

  SpanPoster(URI uri, String contentType, Map<String, String> headers, boolean gzip,
      Duration connectTimeout, Duration requestTimeout) {
    this.uri = uri;
    this.contentType = contentType;
    this.headers = Map.copyOf(headers);
    this.gzip = gzip;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  URI uri() {
    return uri;
  }

  /**
   * Posts {@code message} and returns the HTTP status. The request timeout bounds the whole
   * exchange, so a collector that accepts the connection and never answers cannot hold the sender.
   *
   * @throws IOException when the connection is refused or the request times out
   * @throws InterruptedException when the reporter is closing and gave up waiting
   */
  int post(byte[] message) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Content-Type", contentType);
    headers.forEach(request::header);
    if (gzip) {
      request.header("Content-Encoding", "gzip");
      message = gzip(message);
    }
    request.POST(HttpRequest.BodyPublishers.ofByteArray(message));
    return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
    }
    return client;
  }

  private static byte[] gzip(byte[] message) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(message);
    }
    return out.toByteArray();
  }
}
