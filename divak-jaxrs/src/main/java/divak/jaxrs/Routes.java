package divak.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The route template of a resource method: the class and method {@code @Path} joined, with
 * regular expressions dropped from parameters ({@code /orders/{id}}, never {@code /orders/42}).
 *
 * <p>Read once per resource method and cached: on the request path this is a map lookup. The
 * annotations are looked up the way Jakarta REST inherits them, so a generated subclass that
 * carries no {@code @Path} of its own gets its superclass's.
 */
final class Routes {
  private static final ClassValue<Map<Method, String>> CACHE = new ClassValue<>() {
    @Override
    protected Map<Method, String> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** The template, or null when either is unknown. */
  static @Nullable String template(@Nullable Class<?> resourceClass, @Nullable Method method) {
    if (resourceClass == null || method == null) return null;
    Map<Method, String> byMethod = CACHE.get(resourceClass);
    String template = byMethod.get(method);
    if (template == null) {
      String classPath = classPath(resourceClass);
      template = join(classPath != null ? classPath : "", methodPath(resourceClass, method));
      byMethod.put(method, template);
    }
    return template;
  }

  private static final ClassValue<Boolean> IS_ROOT = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return classPath(type) != null;
    }
  };

  /**
   * True when {@code type} (or a supertype) has a class {@code @Path}: a root resource. A
   * sub-resource, reached through a locator, has none.
   */
  static boolean isRoot(Class<?> type) {
    return type != null && IS_ROOT.get(type);
  }

  /**
   * The template of a request answered by a sub-resource: {@code matchedResources} as {@link
   * jakarta.ws.rs.core.UriInfo#getMatchedResources()} lists them (the sub-resource first, the
   * root last), {@code method} the resource method of the first. The root's class path, each
   * locator's path and the method's path, joined ({@code /shelf/{n}}); null when a locator cannot
   * be told apart.
   */
  static @Nullable String locatorTemplate(List<Object> matchedResources, @Nullable Method method) {
    int n = matchedResources.size();
    if (n < 2 || method == null) return null;
    StringBuilder raw = new StringBuilder();
    String root = classPath(matchedResources.get(n - 1).getClass());
    if (root == null) return null;
    raw.append('/').append(root);
    for (int i = n - 1; i > 0; i--) {
      String locator = locatorPath(matchedResources.get(i).getClass(),
          matchedResources.get(i - 1).getClass());
      if (locator == null) return null;
      raw.append('/').append(locator);
    }
    String methodPath = methodPath(matchedResources.get(0).getClass(), method);
    return join(raw.toString(), methodPath);
  }

  /**
   * The {@code @Path} of the one sub-resource locator of {@code owner} (a method with a path and
   * no HTTP method) that can return {@code subResource}; null when none or several can.
   */
  private static @Nullable String locatorPath(Class<?> owner, Class<?> subResource) {
    String found = null;
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isSynthetic() || m.isBridge()) continue;
        Path path = m.getAnnotation(Path.class);
        if (path == null || hasHttpMethod(m)) continue;
        Class<?> returned = m.getReturnType();
        if (!returned.isAssignableFrom(subResource) && returned != Class.class
            && returned != Object.class) {
          continue;
        }
        if (found != null && !found.equals(path.value())) return null;
        found = path.value();
      }
      if (found != null) return found;
    }
    return found;
  }

  private static String classPath(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Path path = c.getAnnotation(Path.class);
      if (path != null) return path.value();
      for (Class<?> i : c.getInterfaces()) {
        path = i.getAnnotation(Path.class);
        if (path != null) return path.value();
      }
    }
    return null;
  }

  private static String methodPath(Class<?> type, Method method) {
    Path path = method.getAnnotation(Path.class);
    if (path != null) return path.value();
    if (hasHttpMethod(method)) return "";
    // No Jakarta REST annotations here: they are inherited from the overridden method.
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      String found = declared(c, method);
      if (found != null) return found;
      for (Class<?> i : c.getInterfaces()) {
        found = declared(i, method);
        if (found != null) return found;
      }
    }
    return "";
  }

  private static @Nullable String declared(Class<?> c, Method method) {
    Method m;
    try {
      m = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
    Path path = m.getAnnotation(Path.class);
    if (path != null) return path.value();
    return hasHttpMethod(m) ? "" : null;
  }

  private static boolean hasHttpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(HttpMethod.class)) return true;
    }
    return false;
  }

  static String join(String classPath, String methodPath) {
    StringBuilder b = new StringBuilder(classPath.length() + methodPath.length() + 2);
    appendSegment(b, classPath);
    appendSegment(b, methodPath);
    if (b.length() == 0) b.append('/');
    return b.toString();
  }

  /** Appends "/" + path without regular expressions, doubled or trailing slashes. */
  private static void appendSegment(StringBuilder b, String path) {
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '/') {
        i++;
        continue;
      }
      b.append('/');
      while (i < n && path.charAt(i) != '/') {
        c = path.charAt(i);
        if (c == '{') {
          i = appendParameter(b, path, i);
        } else {
          b.append(c);
          i++;
        }
      }
    }
  }

  /** Appends {name} for "{name}" or "{name: regex}" starting at {@code i}; returns the end. */
  private static int appendParameter(StringBuilder b, String path, int i) {
    int n = path.length();
    b.append('{');
    i++;
    while (i < n && path.charAt(i) != ':' && path.charAt(i) != '}') {
      char c = path.charAt(i++);
      if (c != ' ' && c != '\t') b.append(c);
    }
    int depth = 1;
    if (i < n && path.charAt(i) == '}') {
      depth = 0;
      i++;
    }
    while (i < n && depth > 0) { // skip the regular expression, which may hold braces
      char c = path.charAt(i++);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    b.append('}');
    return i;
  }

  private Routes() {
  }
}
