package divak.samples;

import divak.report.FinishedSpan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints finished spans as one indented tree per trace. */
final class TraceTree {

  static void print(List<FinishedSpan> spans, PrintStream out) {
    Map<String, List<FinishedSpan>> byTrace = new LinkedHashMap<>();
    List<FinishedSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(FinishedSpan::startTimestamp));
    for (FinishedSpan span : sorted) {
      byTrace.computeIfAbsent(span.context().traceIdString(), k -> new ArrayList<>()).add(span);
    }
    for (Map.Entry<String, List<FinishedSpan>> trace : byTrace.entrySet()) {
      List<FinishedSpan> traceSpans = trace.getValue();
      String requestId = traceSpans.get(0).context().requestId();
      out.printf("%ntrace %s  request-id %s%n", trace.getKey(), requestId);
      for (FinishedSpan span : traceSpans) {
        if (!hasParentIn(span, traceSpans)) printTree(span, traceSpans, 1, out);
      }
    }
    out.println();
  }

  private static void printTree(FinishedSpan span, List<FinishedSpan> all, int depth, PrintStream out) {
    String kind = span.kind() == null ? "" : " " + span.kind().name().toLowerCase(Locale.ROOT);
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < span.tagCount(); i++) {
      tags.append(' ').append(span.tagKey(i)).append('=').append(span.tagValue(i));
    }
    String label = "  ".repeat(depth) + "[" + span.localServiceName() + kind + "] " + span.name();
    out.printf("%-60s %8.2f ms %s%n", label, span.durationMicros() / 1000.0, tags.toString().trim());
    for (FinishedSpan child : all) {
      if (child.context().parentId() == span.context().spanId()) printTree(child, all, depth + 1, out);
    }
  }

  private static boolean hasParentIn(FinishedSpan span, List<FinishedSpan> spans) {
    long parent = span.context().parentId();
    if (parent == 0) return false;
    for (FinishedSpan other : spans) {
      if (other.context().spanId() == parent) return true;
    }
    return false;
  }

  private TraceTree() {
  }
}
