package divak.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The handful of requests the demo sends to the frontend. */
public final class DemoTraffic {

  /** One request the demo made and what came back. */
  public record Exchange(String method, String path, int status, String requestId, String body) {
    @Override
    public String toString() {
      return method + " " + path + " -> " + status + " (Request-Id " + requestId + ") " + body;
    }
  }

  /** Sends the demo's requests: two fan-outs, one asynchronous, one failing checkout. */
  public static List<Exchange> send(URI frontend) throws IOException, InterruptedException {
    // HTTP/1.1: the default client first tries an h2c upgrade, which Grizzly answers badly.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Exchange> exchanges = new ArrayList<>();
    exchanges.add(exchange(http, frontend, "GET", "orders/1", null));
    exchanges.add(exchange(http, frontend, "GET", "orders/2", "demo-request-2"));
    exchanges.add(exchange(http, frontend, "GET", "orders/3/eta", null));
    exchanges.add(exchange(http, frontend, "POST", "orders/4/checkout", null));
    return exchanges;
  }

  private static Exchange exchange(HttpClient http, URI base, String method, String path,
      String requestId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (requestId != null) request.header("Request-Id", requestId);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body().length() > 80 ? response.body().substring(0, 80) + "..." : response.body();
    return new Exchange(method, "/" + path, response.statusCode(),
        response.headers().firstValue("Request-Id").orElse(null), body);
  }

  private DemoTraffic() {
  }
}
