package divak.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Linux's {@code /proc} says about the server process: CPU time in clock ticks (utime +
 * stime), in all and by the kind of thread that spent it, and its resident memory.
 */
final class ProcStats {
  private final long pid;

  ProcStats(long pid) {
    this.pid = pid;
  }

  /** The process's CPU time so far, all threads, in clock ticks. */
  long cpuTicks() {
    return ticks(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** The CPU time so far of the JIT's compiler threads. */
  long compilerTicks() {
    return ticksByKind().getOrDefault(ThreadKind.JIT, 0L);
  }

  /**
   * The CPU time so far of the threads alive now, summed by {@link ThreadKind}. A thread that ended
   * takes its time with it; {@link #cpuTicks()} keeps it.
   */
  Map<ThreadKind, Long> ticksByKind() {
    Map<ThreadKind, Long> sums = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          ThreadKind kind = ThreadKind.of(Files.readString(task.resolve("comm")).strip());
          sums.merge(kind, ticks(task.resolve("stat")), Long::sum);
        } catch (NoSuchFileException | UncheckedIOException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sums;
  }

  /**
   * The CPU time spent between two readings, by kind, in microseconds per request; what threads
   * that ended in between spent is under {@code ended}.
   */
  static Map<String, Double> perRequest(long totalTicks, Map<ThreadKind, Long> before,
      Map<ThreadKind, Long> after, long requests, long clockTicks) {
    Map<String, Double> out = new LinkedHashMap<>();
    double scale = 1e6 / clockTicks / Math.max(1, requests);
    long seen = 0;
    for (ThreadKind kind : ThreadKind.values()) {
      long spent = after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L);
      seen += spent;
      out.put(kind.id, spent * scale);
    }
    out.put("ended", Math.max(0, totalTicks - seen) * scale);
    return out;
  }

  /** VmRSS in kB, from {@code /proc/<pid>/status}. */
  long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
  }

  /** utime + stime of a {@code stat} file: fields 14 and 15, counted after the {@code (comm)}. */
  private static long ticks(Path stat) {
    String text;
    try {
      text = Files.readString(stat);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 3.. from index 0
  }
}
