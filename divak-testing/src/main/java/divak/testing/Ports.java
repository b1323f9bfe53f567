package divak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loopback ports that are bound once and handed over, never chosen, closed and bound again (the
 * port could be taken in between, by another build on the same machine).
 *
 * <ul>
 *   <li>In this JVM, a server binds port 0 and is asked for its port ({@link #listening()},
 *       {@link JerseyContainer}, {@link ResteasyContainer}).
 *   <li>A child process (Zipkin, Prometheus) is started on port 0 and its port is read from the
 *       sockets it listens on ({@link #awaitListening}).
 *   <li>A port that refuses connections is held bound, without listening, for as long as the test
 *       needs it ({@link #refusing()}).
 * </ul>
 */
public final class Ports {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  /** 127.0.0.1 as /proc/net/tcp writes it, then as IPv4-mapped and ::1 in /proc/net/tcp6. */
  private static final Set<String> LOOPBACK_HEX = Set.of("0100007F",
      "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

  /** A server socket listening on 127.0.0.1 and a port the system chose. */
  public static ServerSocket listening() {
    try {
      return new ServerSocket(0, 50, LOOPBACK);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /**
   * A port on 127.0.0.1 where nothing listens, held until closed: a connection to it is refused,
   * and no other process can bind it meanwhile.
   */
  public static Refusing refusing() {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(LOOPBACK, 0)); // bound, never connected nor listening
      return new Refusing(socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot bind a port on 127.0.0.1", e);
    }
  }

  /** A port held bound without a listener; see {@link #refusing()}. */
  public static final class Refusing implements AutoCloseable {
    private final Socket socket;

    private Refusing(Socket socket) {
      this.socket = socket;
    }

    /** The port. */
    public int port() {
      return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:{port}/}. */
    public URI uri() {
      return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Releases the port. */
    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "Refusing{127.0.0.1:" + port() + "}";
    }
  }

  /**
   * Waits until {@code process}, started to listen on 127.0.0.1 port 0, listens, and returns its
   * port. Reads the process's sockets from {@code /proc} (Linux, where the tests and CI run).
   *
   * @throws AssertionError when the process exits first, listens on more than one port, or does
   *     not listen within {@link Await#DEADLINE}
   */
  public static int awaitListening(Process process, String what) {
    return awaitListening(process, what, Await.DEADLINE);
  }

  /** As {@link #awaitListening(Process, String)}, waiting up to {@code within}. */
  public static int awaitListening(Process process, String what, Duration within) {
    Set<Integer> ports = Await.value(what + " listening on 127.0.0.1", within, () -> {
      if (!process.isAlive()) {
        throw new AssertionError(what + " exited with " + process.exitValue());
      }
      return listeningOnLoopback(process.pid());
    }, found -> !found.isEmpty());
    if (ports.size() != 1) {
      throw new AssertionError(what + " listens on several ports " + ports + "; expected one");
    }
    return ports.iterator().next();
  }

  /** The ports process {@code pid} listens on, on 127.0.0.1 (or ::1), read from {@code /proc}. */
  public static Set<Integer> listeningOnLoopback(long pid) throws IOException {
    Path proc = Paths.get("/proc", Long.toString(pid));
    if (!Files.isDirectory(proc)) {
      throw new IllegalStateException("no " + proc + ": reading a child process's ports needs"
          + " Linux's /proc");
    }
    Set<String> socketInodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            socketInodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed while listing
        }
      }
    }
    Set<Integer> ports = new TreeSet<>();
    // A JVM listens on an IPv6 socket (net/tcp6) even for 127.0.0.1; most programs on IPv4.
    for (String table : new String[] {"net/tcp", "net/tcp6"}) {
      Path file = proc.resolve(table);
      if (!Files.exists(file)) continue;
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals("0A")) continue; // 0A: LISTEN
        if (!socketInodes.contains(f[9])) continue;
        String[] address = f[1].split(":");
        if (LOOPBACK_HEX.contains(address[0])) ports.add(Integer.parseInt(address[1], 16));
      }
    }
    return ports;
  }

  private Ports() {
  }
}
