package divak.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a JSON list of spans to a Zipkin collector over HTTP/1.1. */
final class SpanPoster {
  private final URI uri;
  private final Duration requestTimeout;
  private final HttpClient client;

  SpanPoster(URI uri, Duration connectTimeout, Duration requestTimeout) {
    this.uri = uri;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
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
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(message))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
