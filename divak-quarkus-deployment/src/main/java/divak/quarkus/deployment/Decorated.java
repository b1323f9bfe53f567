package divak.quarkus.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * A traced class and the decorator that divak's processor wrote beside it: {@code Divak_X extends
 * X}, or {@code Divak_Outer_Inner extends Outer.Inner}, in the same package. Decorators are found
 * by that name and that superclass, because their {@code @Generated} annotation is not kept in
 * the class file.
 */
record Decorated(ClassInfo original, ClassInfo decorator) {
  static final String PREFIX = "Divak_";
  private static final DotName TRACED = DotName.createSimple("divak.annotations.Traced");

  /** Every decorator in {@code index} whose superclass is the class it is named after. */
  static List<Decorated> find(IndexView index) {
    List<Decorated> found = new ArrayList<>();
    for (ClassInfo candidate : index.getKnownClasses()) {
      if (!decoratesItsSuperclass(candidate)) continue;
      DotName superName = candidate.superName();
      ClassInfo original = index.getClassByName(superName);
      if (original != null) found.add(new Decorated(original, candidate));
    }
    found.sort(Comparator.comparing(d -> d.original().name().toString()));
    return found;
  }

  /**
   * The decorators in {@code index} that an earlier compilation left behind: their original is
   * gone from the index, or no longer has {@code @Traced} on it or on a method it declares (the
   * processor's own rule for writing a decorator), so the processor would not write them now.
   * Quarkus' dev mode recompiles only the changed sources and deletes no file the processor wrote
   * before, so these are still in the class output there after the user removed the tracing.
   */
  static List<ClassInfo> leftOver(IndexView index) {
    List<ClassInfo> stale = new ArrayList<>();
    for (ClassInfo candidate : index.getKnownClasses()) {
      if (!decoratesItsSuperclass(candidate)) continue;
      DotName superName = candidate.superName();
      ClassInfo original = index.getClassByName(superName);
      if (original == null || !isTraced(original)) stale.add(candidate);
    }
    stale.sort(Comparator.comparing(c -> c.name().toString()));
    return stale;
  }

  /** True when {@code candidate} is named {@code Divak_} after the class it extends. */
  private static boolean decoratesItsSuperclass(ClassInfo candidate) {
    if (!simpleName(candidate.name()).startsWith(PREFIX)) return false;
    DotName superName = candidate.superName();
    return superName != null && candidate.name().toString().equals(decoratorName(superName));
  }

  /** {@code @Traced} on the class or on a method it declares (annotations of CLASS retention too). */
  static boolean isTraced(ClassInfo type) {
    if (type.hasDeclaredAnnotation(TRACED)) return true;
    return type.methods().stream().anyMatch(m -> m.hasDeclaredAnnotation(TRACED));
  }

  /** The binary name of the decorator of the class {@code original}. */
  static String decoratorName(DotName original) {
    String name = original.toString();
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot + 1);
    return pkg + PREFIX + name.substring(dot + 1).replace('$', '_');
  }

  private static String simpleName(DotName name) {
    String s = name.toString();
    return s.substring(s.lastIndexOf('.') + 1);
  }
}
