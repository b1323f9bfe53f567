package divak.benchmarks.http;

/**
 * The server's threads by what they do, told apart by the names Linux keeps for them ({@code
 * /proc/<pid>/task/<tid>/comm}, the first 15 characters of the Java name), so that a mode's extra
 * CPU per request can be pinned on who spends it.
 */
enum ThreadKind {
  /** Grizzly's worker threads: Jersey, the resource, divak's filters, the access line. */
  REQUEST("request"),
  /** Grizzly's selector threads: accepting, reading and writing the sockets. */
  SELECTOR("selector"),
  /** The JIT's compiler threads. */
  JIT("jit"),
  /** The garbage collector's threads. */
  GC("gc"),
  /** Whoever sends spans: divak's sender, the JDK HttpClient it posts with, the agent's exporter. */
  SPANS("spans"),
  /** The JVM's own and everything else (Jersey's client threads, timers, logback). */
  OTHER("other");

  final String id;

  ThreadKind(String id) {
    this.id = id;
  }

  static ThreadKind of(String comm) {
    if (comm.startsWith("grizzly-http-se")) return REQUEST;
    if (comm.startsWith("grizzly-nio-ker") || comm.startsWith("Grizzly-")) return SELECTOR;
    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) return JIT;
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) return GC;
    if (comm.startsWith("divak-") || comm.startsWith("HttpClient-") || comm.startsWith("BatchSpanProc")
        || comm.startsWith("OkHttp")) {
      return SPANS;
    }
    return OTHER;
  }
}
