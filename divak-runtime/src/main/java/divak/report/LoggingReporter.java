package divak.report;

/** Placeholder until the JSON encoder lands. */
final class LoggingReporter implements Reporter {
  @Override
  public void report(FinishedSpan span) {
    throw new UnsupportedOperationException("not yet");
  }
}
