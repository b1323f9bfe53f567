package divak.jaxrs;

import java.util.List;

/**
 * The paths whose requests are never traced ({@link DivakFeature#untraced}, the metrics path):
 * matched against the request path relative to the application, segment by segment, without
 * allocating.
 */
final class PathRule {
  static final PathRule NONE = new PathRule(List.of());

  private final String[] paths; // without leading or trailing slashes

  PathRule(List<String> paths) {
    this.paths = paths.toArray(new String[0]);
  }

  /**
   * {@code path} without its leading and trailing slashes; rejects one that does not start with
   * {@code /}, is only slashes, or holds a character no path holds unescaped.
   */
  static String normalize(String option, String path) {
    if (path == null) throw new NullPointerException(option + " path == null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(option + " needs a path that starts with '/', such as"
          + " \"/metrics\": was '" + path + "'");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#' || c == '"' || c == '\\') {
        throw new IllegalArgumentException(option + " path must not hold '" + c
            + "' (spaces, ?, #, quotes, backslashes and control characters): was '" + path + "'");
      }
    }
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') start++;
    while (end > start && path.charAt(end - 1) == '/') end--;
    if (start == end) {
      throw new IllegalArgumentException(option + " needs a path below the root, such as"
          + " \"/metrics\": was '" + path + "'");
    }
    return path.substring(start, end);
  }

  boolean isEmpty() {
    return paths.length == 0;
  }

  /** True when {@code requested} is one of the paths, or below one, give or take slashes. */
  boolean matches(String requested) {
    if (requested == null || paths.length == 0) return false;
    int start = 0;
    int end = requested.length();
    while (start < end && requested.charAt(start) == '/') start++;
    while (end > start && requested.charAt(end - 1) == '/') end--;
    for (String path : paths) {
      int n = path.length();
      if (end - start < n || !requested.startsWith(path, start)) continue;
      if (end - start == n || requested.charAt(start + n) == '/') return true;
    }
    return false;
  }

  /** True when {@code requested} is exactly {@code path} (normalized), give or take slashes. */
  static boolean isExactly(String requested, String path) {
    if (requested == null) return false;
    int start = 0;
    int end = requested.length();
    while (start < end && requested.charAt(start) == '/') start++;
    while (end > start && requested.charAt(end - 1) == '/') end--;
    return end - start == path.length() && requested.startsWith(path, start);
  }
}
