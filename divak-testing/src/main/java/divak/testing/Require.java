package divak.testing;

/**
 * Checks that a test's environment is there, and fails with what to install when it is not: a
 * test never skips silently.
 */
public final class Require {
  /**
   * Fails unless {@code className} can be loaded by this class's loader.
   *
   * @param whatToAdd what puts it on the class path, for the message (a Maven artifact, or the
   *     surefire execution that runs this test)
   * @throws AssertionError when the class is missing
   */
  public static void onClassPath(String className, String whatToAdd) {
    try {
      Class.forName(className, false, Require.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is not on the test class path; " + whatToAdd, e);
    }
  }

  private Require() {
  }
}
