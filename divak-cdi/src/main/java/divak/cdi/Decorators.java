package divak.cdi;

import java.lang.reflect.Modifier;

/** Finds the generated decorator of a class by the processor's naming rule. */
final class Decorators {
  private Decorators() {
  }

  /**
   * {@code com.example.Divak_Outer_Inner} for {@code com.example.Outer.Inner}, when it is present and
   * extends the class; else null. Only classes the processor can decorate are looked up: concrete,
   * not final, top-level or static nested.
   */
  static Class<?> decoratorOf(Class<?> type) {
    int modifiers = type.getModifiers();
    if (type.isInterface() || type.isEnum() || type.isRecord() || type.isAnnotation() || type.isArray()
        || type.isPrimitive() || type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()
        || Modifier.isFinal(modifiers) || Modifier.isAbstract(modifiers)
        || (type.isMemberClass() && !Modifier.isStatic(modifiers))) {
      return null;
    }
    String name = type.getName();
    int dot = name.lastIndexOf('.');
    String simple = name.substring(dot + 1);
    if (simple.startsWith("Divak_")) return null;
    String decoratorName = name.substring(0, dot + 1) + "Divak_" + simple.replace('$', '_');
    ClassLoader loader = type.getClassLoader();
    if (loader == null || loader.getResource(decoratorName.replace('.', '/') + ".class") == null) return null;
    try {
      Class<?> decorator = Class.forName(decoratorName, false, loader);
      return decorator.getSuperclass() == type ? decorator : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
