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

  /** Every decorator in {@code index} whose superclass is the class it is named after. */
  static List<Decorated> find(IndexView index) {
    List<Decorated> found = new ArrayList<>();
    for (ClassInfo candidate : index.getKnownClasses()) {
      if (!simpleName(candidate.name()).startsWith(PREFIX)) continue;
      DotName superName = candidate.superName();
      if (superName == null || !candidate.name().toString().equals(decoratorName(superName))) {
        continue;
      }
      ClassInfo original = index.getClassByName(superName);
      if (original != null) found.add(new Decorated(original, candidate));
    }
    found.sort(Comparator.comparing(d -> d.original().name().toString()));
    return found;
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
