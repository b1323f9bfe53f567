package divak.processor;

import divak.processor.TagParameter.Conversion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/** Reads the {@code @Tag} parameters of a method, checks their keys and picks each conversion. */
final class TagReader {
  static final String TAG = "divak.annotations.Tag";

  private final Types types;
  private final Messager messager;
  /** Methods whose keys were checked already, so an inherited method is reported once. */
  private final Set<Element> checked = new HashSet<>();
  private final Set<Element> invalid = new HashSet<>();

  TagReader(Types types, Messager messager) {
    this.types = types;
    this.messager = messager;
  }

  static boolean hasTags(ExecutableElement method) {
    for (VariableElement parameter : method.getParameters()) {
      if (Annotations.find(parameter, TAG).isPresent()) return true;
    }
    return false;
  }

  /**
   * The tags of {@code method}, with {@code parameterTypes} as seen from the traced class; empty
   * when a key is invalid (reported once per method).
   */
  Optional<List<TagParameter>> read(ExecutableElement method, List<? extends TypeMirror> parameterTypes) {
    if (!checkKeys(method)) return Optional.empty();
    List<TagParameter> tags = new ArrayList<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      Optional<AnnotationMirror> tag = Annotations.find(parameters.get(i), TAG);
      if (tag.isEmpty()) continue;
      tags.add(new TagParameter(i, Annotations.value(tag.get()), conversion(parameterTypes.get(i))));
    }
    return Optional.of(tags);
  }

  /** Reports empty and repeated keys of {@code method}; true when there are none. */
  boolean checkKeys(ExecutableElement method) {
    if (!checked.add(method)) return !invalid.contains(method);
    Map<String, VariableElement> byKey = new HashMap<>();
    boolean valid = true;
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> tag = Annotations.find(parameter, TAG);
      if (tag.isEmpty()) continue;
      String key = Annotations.value(tag.get());
      if (key.isEmpty()) {
        error(Message.EMPTY_TAG_KEY.format(parameter.getSimpleName(), Names.method(method)), parameter, tag.get());
        valid = false;
        continue;
      }
      VariableElement first = byKey.putIfAbsent(key, parameter);
      if (first != null) {
        error(Message.DUPLICATE_TAG_KEY.format(key, first.getSimpleName(), parameter.getSimpleName(),
            Names.method(method)), parameter, tag.get());
        valid = false;
      }
    }
    if (!valid) invalid.add(method);
    return valid;
  }

  private Conversion conversion(TypeMirror type) {
    switch (type.getKind()) {
      case INT:
      case LONG:
      case BOOLEAN:
      case DOUBLE:
      case SHORT:
      case BYTE:
      case FLOAT:
        return Conversion.PRIMITIVE;
      case CHAR:
        return Conversion.CHAR;
      case ARRAY:
        return Conversion.ARRAY;
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getQualifiedName().contentEquals("java.lang.String")) return Conversion.STRING;
        if (element.getKind() == ElementKind.ENUM) return Conversion.ENUM;
        if (isBoxedNumberOrBoolean(type)) return Conversion.BOXED;
        return Conversion.OBJECT;
      default:
        return Conversion.OBJECT;
    }
  }

  private boolean isBoxedNumberOrBoolean(TypeMirror type) {
    try {
      // A Character unboxes to char, which would be tagged as its code: it goes by String.valueOf.
      return types.unboxedType(type).getKind() != TypeKind.CHAR;
    } catch (IllegalArgumentException notBoxed) {
      return false;
    }
  }

  private void error(String message, Element element, AnnotationMirror annotation) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
  }
}
