package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

  private static String safe(String value) {
    StringBuilder b = new StringBuilder();
    AccessLog.appendSafe(b, value);
    return b.toString();
  }

  @Test
  void printableAsciiIsKept() {
    assertThat(safe("Mozilla/5.0 (X11; Linux)")).isEqualTo("Mozilla/5.0 (X11; Linux)");
  }

  @Test
  void whatCouldForgeALineOrCloseQuotesIsEscaped() {
    assertThat(safe("a\r\nb")).isEqualTo("a\\x0d\\x0ab");
    assertThat(safe("\"x\" \\")).isEqualTo("\\x22x\\x22 \\x5c");
    assertThat(safe("\u001b[31m\u0000")).isEqualTo("\\x1b[31m\\x00");
    assertThat(safe("caf\u00e9\u2028")).isEqualTo("caf\\xe9\\u2028");
  }

  @Test
  void longValuesAreCut() {
    assertThat(safe("x".repeat(2000))).hasSize(515).endsWith("...");
  }

  @Test
  void aValueIsCutAtTheSameLengthWhereverItsFirstEscapeIs() {
    assertThat(safe("x".repeat(512))).isEqualTo("x".repeat(512));
    assertThat(safe("x".repeat(510) + "\n" + "y".repeat(10)))
        .isEqualTo("x".repeat(510) + "\\x0ay...");
    assertThat(safe("x".repeat(600) + "\n")).isEqualTo("x".repeat(512) + "...");
  }

  @Test
  void aValueWithNothingToEscapeIsAppendedAsIs() {
    StringBuilder b = new StringBuilder("GET ");
    AccessLog.appendSafe(b, "/orders/1?q=a%20b");
    assertThat(b).hasToString("GET /orders/1?q=a%20b");
  }

  @Test
  void nullIsADash() {
    assertThat(safe(null)).isEqualTo("-");
  }
}
