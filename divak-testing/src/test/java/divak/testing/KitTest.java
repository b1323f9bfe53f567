package divak.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The kit does what its javadoc says, on real sockets. */
class KitTest {
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusingPortRefusesConnectionsAndCannotBeBoundWhileHeld() throws Exception {
    try (Ports.Refusing refusing = Ports.refusing()) {
      assertThatThrownBy(() -> new Socket("127.0.0.1", refusing.port()).close())
          .isInstanceOf(ConnectException.class);
      assertThatThrownBy(() -> {
        try (ServerSocket other = new ServerSocket()) {
          other.bind(new InetSocketAddress("127.0.0.1", refusing.port()));
        }
      }).isInstanceOf(IOException.class);
    }
  }

  @Test
  void childProcessPortIsReadFromItsListeningSocket() throws Exception {
    // A child JVM that listens on port 0 and waits: the parent learns the port from /proc.
    String java = System.getProperty("java.home") + "/bin/java";
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Listener.class.getName()).redirectErrorStream(true).start();
    try {
      int port = Ports.awaitListening(child, "the child");
      try (Socket socket = new Socket("127.0.0.1", port)) {
        assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("hello " + port);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void awaitFailsNamingWhatItWaitedFor() {
    assertThatThrownBy(() -> Await.value("the impossible", java.time.Duration.ofMillis(50),
        () -> 41, v -> v == 42))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the impossible").hasMessageContaining("last value: 41");
  }

  @Test
  void requireFailsWithWhatToAdd() {
    assertThatThrownBy(() -> Require.onClassPath("no.such.Container", "add no-such-container"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no.such.Container").hasMessageContaining("add no-such-container");
  }

  @Test
  void jerseyContainerServesOnThePortItBound() throws Exception {
    try (HttpContainer jersey = JerseyContainer.start(1, Hello.class)) {
      assertThat(jersey.uri().getPort()).isPositive();
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(jersey.uri().resolve("/hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("hello");
    }
  }

  @Test
  void zipkinSinkKeepsWhatItDecodesAndCountsWhatItCannot() throws Exception {
    try (ZipkinSink sink = ZipkinSink.start()) {
      String span = "[{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\",\"name\":\"get\"}]";
      post(sink, span);
      post(sink, "not json");
      assertThat(sink.spans()).hasSize(1);
      assertThat(sink.spans().get(0).name()).isEqualTo("get");
      assertThat(sink.requests()).isEqualTo(2);
      assertThat(sink.malformed()).isEqualTo(1);
    }
  }

  private void post(ZipkinSink sink, String body) throws Exception {
    http.send(HttpRequest.newBuilder(java.net.URI.create(sink.baseUrl() + "/spans"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** A resource for the container test. */
  @Path("/hello")
  public static class Hello {
    /** Says hello. */
    @GET
    public String hello() {
      return "hello";
    }
  }

  /** The child process: listens on port 0, greets one connection with its port, waits. */
  public static final class Listener {
    public static void main(String[] args) throws Exception {
      try (ServerSocket server = Ports.listening()) {
        try (Socket socket = server.accept()) {
          socket.getOutputStream().write(("hello " + server.getLocalPort())
              .getBytes(StandardCharsets.US_ASCII));
        }
        Thread.sleep(60_000);
      }
    }
  }
}
