package divak.jaxrs;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the generated decorator of a resource class by its name, {@code Divak_Name} beside the
 * class ({@code Divak_Outer_Inner} for a nested one), with {@link Class#forName(String, boolean,
 * ClassLoader)} on the class loader of the resource and nothing else: no annotation or member of
 * either class is read.
 */
final class Decorators {
  static final String PREFIX = "Divak_";
  private static final Logger LOG = LoggerFactory.getLogger(DivakFeature.class);

  /**
   * The decorator of {@code type}: the class named like its decorator that extends it, or null
   * when there is none (the processor did not run for it, it is not traced, or it is a decorator).
   */
  static @Nullable Class<?> decoratorOf(@Nullable Class<?> type) {
    if (type == null || type.isArray() || type.isPrimitive() || isDecorator(type)) return null;
    String name = decoratorName(type.getName());
    ClassLoader loader = type.getClassLoader();
    if (name == null || loader == null) return null; // the JDK's own classes have no decorator
    Class<?> decorator;
    try {
      decorator = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    return decorator.getSuperclass() == type ? decorator : null;
  }

  /** True for a class whose simple binary name starts with {@code Divak_}. */
  static boolean isDecorator(Class<?> type) {
    String name = type.getName();
    return name.startsWith(PREFIX, name.lastIndexOf('.') + 1);
  }

  /**
   * {@code com.example.Divak_Outer_Inner} for the binary name {@code com.example.Outer$Inner}; null
   * for a name the processor never decorates (local and anonymous classes).
   */
  static @Nullable String decoratorName(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String simple = binaryName.substring(dot + 1);
    if (simple.isEmpty() || simple.startsWith("$") || simple.endsWith("$")) return null;
    for (String part : simple.split("\\$", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) return null;
    }
    return binaryName.substring(0, dot + 1) + PREFIX + simple.replace('$', '_');
  }

  /**
   * The one WARN of the safety net: {@code original} serves its requests undecorated although its
   * decorator exists, so its {@code @Tag} values, its {@code @Traced} name and what it throws are
   * missing from the request's span.
   */
  static void warnUndecorated(Class<?> original, Class<?> decorator) {
    LOG.warn("divak: {} serves its requests undecorated: its spans get no @Tag values, no @Traced"
            + " name and no exception. Its decorator {} exists but is not registered. Register"
            + " {}.DivakResources (or {}.class, or new {}(...) where you construct the resource)"
            + " instead of {}.",
        original.getName(), decorator.getName(), original.getPackageName(),
        decorator.getSimpleName(), decorator.getSimpleName(), original.getSimpleName());
  }

  static void debugRemoved(Class<?> original, Class<?> decorator) {
    LOG.debug("divak: {} is served by its decorator {}; the original's routes are removed",
        original.getName(), decorator.getName());
  }

  private Decorators() {
  }
}
