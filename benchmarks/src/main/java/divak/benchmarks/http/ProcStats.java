package divak.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc} says about the server process: CPU time in clock ticks (utime +
 * stime), the share of it its JIT compiler threads used, and its resident memory.
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

  /** The CPU time so far of the threads named {@code C1 CompilerThre…}/{@code C2 CompilerThre…}. */
  long compilerTicks() {
    long sum = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String comm = Files.readString(task.resolve("comm")).strip();
          if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            sum += ticks(task.resolve("stat"));
          }
        } catch (NoSuchFileException | UncheckedIOException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
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
