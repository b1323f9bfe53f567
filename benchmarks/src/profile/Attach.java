import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM: {@code java Attach PID AGENT_PATH OPTIONS}. For
 * {@code benchmarks/profile-http.sh}, which starts and stops async-profiler in a warm server
 * ({@code jcmd JVMTI.agent_load} would split the profiler's {@code key=value} options).
 */
public final class Attach {
  private Attach() {
  }

  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
