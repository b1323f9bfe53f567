package divak.processor;

import com.palantir.javapoet.ClassName;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Names as messages and generated code spell them. */
final class Names {
  private Names() {
  }

  /** {@code OrderResource.get(String)}: the method as a message names it. */
  static String method(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String parameters = method.getParameters().stream()
        .map(VariableElement::asType)
        .map(Names::simpleTypeName)
        .collect(Collectors.joining(", "));
    return ClassName.get(owner).simpleNames().stream().collect(Collectors.joining("."))
        + "." + method.getSimpleName() + "(" + parameters + ")";
  }

  /** {@code Outer.Inner}: the class as a message names it. */
  static String type(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  /** {@code Divak_Outer_Inner}, in the package of {@code type}. */
  static ClassName decorator(TypeElement type) {
    ClassName original = ClassName.get(type);
    return ClassName.get(original.packageName(), "Divak_" + String.join("_", original.simpleNames()));
  }

  private static String simpleTypeName(Object type) {
    String name = type.toString();
    // java.util.List<java.lang.String> -> List<String>
    return name.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }
}
