package example.books;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The requests both builds of the app answer, and their answers as lines to compare. */
final class Requests {
  static final List<String> ALL = List.of("GET /books/1", "GET /books/2", "GET /books/9", "GET /nothing",
      "POST /books/1", "GET /books/x");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private Requests() {
  }

  /** {@code GET /books/1 -> 200 Dune}, one line a request. */
  static List<String> answers(int port) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String request : ALL) {
      String[] parts = request.split(" ");
      HttpResponse<String> response = send(port, parts[0], parts[1]);
      lines.add(request + " -> " + response.statusCode() + " " + response.body().replace("\n", "\\n"));
    }
    return lines;
  }

  static HttpResponse<String> send(int port, String method, String path) throws Exception {
    return HTTP.send(request(port, path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  static java.nio.file.Path plainAnswersFile() {
    return java.nio.file.Paths.get(System.getProperty("basedir", "."), "target", "plain-answers.txt");
  }
}
