package divak.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  static String template(Class<?> resourceClass, Method method) {
    if (resourceClass == null || method == null) return null;
    Map<Method, String> byMethod = CACHE.get(resourceClass);
    String template = byMethod.get(method);
    if (template == null) {
      template = join(classPath(resourceClass), methodPath(resourceClass, method));
      byMethod.put(method, template);
    }
    return template;
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
    return "";
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

  private static String declared(Class<?> c, Method method) {
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
