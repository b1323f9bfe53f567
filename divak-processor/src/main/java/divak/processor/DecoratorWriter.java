package divak.processor;

// Long because it writes every kind of override (resource method, child span, stage results,
// constructors) in one place, so that the generated code stays uniform.

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import divak.processor.TracedMethod.Completion;
import divak.processor.TracedMethod.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/** Writes the decorator of a {@link TracedClass}: a subclass that overrides each traced method. */
final class DecoratorWriter {
  static final ClassName DECORATORS = ClassName.get("divak", "Decorators");
  static final ClassName SPAN = ClassName.get("divak", "Span");
  static final ClassName SCOPE = ClassName.get("divak", "Scope");

  private final Types types;
  private final AnnotationFilter filter;
  private final Optional<AnnotationSpec> generated;

  DecoratorWriter(Types types, AnnotationFilter filter, Optional<AnnotationSpec> generated) {
    this.types = types;
    this.filter = filter;
    this.generated = generated;
  }

  JavaFile write(TracedClass traced) {
    TypeElement original = traced.element();
    ClassName originalName = ClassName.get(original);
    TypeSpec.Builder type = TypeSpec.classBuilder(traced.decorator())
        .addOriginatingElement(original)
        .avoidClashesWithNestedClasses(original)
        .superclass(TypeName.get(original.asType()));
    if (traced.resource()) {
      type.addJavadoc("Traces {@link $T}: its traced resource methods tag the request's server span and\n"
          + "record what they throw; the server filter decides whether that fails the request (a 5xx\n"
          + "answer or an unmapped exception) or not (a mapped 4xx). Registered by\n"
          + "{@link DivakResources}.\n", originalName);
      type.addJavadoc("\n<p>The overrides repeat no Jakarta REST or Bean Validation annotation: the container\n"
          + "and the validator take those from {@code $L} (Jakarta REST 3.1, section 3.6), and\n"
          + "Hibernate Validator rejects redeclared parameter constraints. Other annotations, such as\n"
          + "security roles and name bindings, are repeated for containers that read them here.\n",
          Names.type(original));
    } else {
      type.addJavadoc("Traces {@link $T}: each traced method runs in a child span of the current span.\n"
          + "Create this class where a {@code $L} would be created.\n", originalName, Names.type(original));
    }
    generated.ifPresent(type::addAnnotation);
    for (AnnotationMirror annotation : traced.pathAnnotations()) type.addAnnotation(AnnotationSpec.get(annotation));
    for (AnnotationMirror annotation : filter.forClass(original)) type.addAnnotation(AnnotationSpec.get(annotation));
    if (isPublic(original)) type.addModifiers(Modifier.PUBLIC);
    original.getTypeParameters().forEach(p -> type.addTypeVariable(TypeVariableName.get(p)));

    DeclaredType self = (DeclaredType) original.asType();
    for (ExecutableElement constructor : traced.constructors()) type.addMethod(constructor(constructor, self));

    for (TracedMethod method : traced.methods()) type.addMethod(method(method));
    return JavaFile.builder(traced.decorator().packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private MethodSpec constructor(ExecutableElement constructor, DeclaredType self) {
    ExecutableType signature = (ExecutableType) types.asMemberOf(self, constructor);
    MethodSpec.Builder builder = MethodSpec.constructorBuilder();
    for (AnnotationMirror annotation : filter.forConstructor(constructor)) {
      builder.addAnnotation(AnnotationSpec.get(annotation));
    }
    builder.addModifiers(visibility(constructor));
    constructor.getTypeParameters().forEach(p -> builder.addTypeVariable(TypeVariableName.get(p)));
    List<? extends VariableElement> parameters = constructor.getParameters();
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      ParameterSpec.Builder spec = ParameterSpec.builder(
          TypeName.get(signature.getParameterTypes().get(i)), parameter.getSimpleName().toString());
      for (AnnotationMirror annotation : filter.forConstructor(parameter)) spec.addAnnotation(AnnotationSpec.get(annotation));
      builder.addParameter(spec.build());
      arguments.add(parameter.getSimpleName().toString());
    }
    builder.varargs(constructor.isVarArgs());
    signature.getThrownTypes().forEach(t -> builder.addException(TypeName.get(t)));
    return builder.addStatement("super($L)", String.join(", ", arguments)).build();
  }

  private MethodSpec method(TracedMethod traced) {
    ExecutableElement element = traced.element();
    ExecutableType signature = traced.type();
    MethodSpec.Builder builder = MethodSpec.methodBuilder(element.getSimpleName().toString())
        .addAnnotation(Override.class);
    for (AnnotationMirror annotation : filter.forMethod(element)) builder.addAnnotation(AnnotationSpec.get(annotation));
    builder.addModifiers(visibility(element));
    for (TypeVariable variable : signature.getTypeVariables()) builder.addTypeVariable(TypeVariableName.get(variable));
    TypeMirror returnType = signature.getReturnType();
    builder.returns(TypeName.get(returnType));

    NameAllocator names = new NameAllocator();
    List<String> arguments = new ArrayList<>();
    List<? extends VariableElement> parameters = element.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      String name = parameters.get(i).getSimpleName().toString();
      arguments.add(names.newName(name, i));
      builder.addParameter(TypeName.get(signature.getParameterTypes().get(i)), arguments.get(i));
    }
    builder.varargs(element.isVarArgs());
    signature.getThrownTypes().forEach(t -> builder.addException(TypeName.get(t)));

    Locals locals = new Locals(names);
    CodeBlock call = CodeBlock.of("super.$N($L)", element.getSimpleName().toString(), String.join(", ", arguments));
    boolean returnsValue = returnType.getKind() != TypeKind.VOID;
    boolean resource = traced.kind() == Kind.RESOURCE;
    if (resource) {
      builder.addStatement("$T $N = $T.currentSpan()", SPAN, locals.span, DECORATORS);
    } else {
      builder.addStatement("$T $N = $T.currentSpan()", SPAN, locals.parent, DECORATORS);
      builder.addStatement("$T $N = $T.startSpan($N, $S)", SPAN, locals.span, DECORATORS, locals.parent,
          traced.spanName());
    }
    if (traced.completion() != Completion.NONE) {
      builder.addStatement("$T $N", TypeName.get(returnType), locals.stage);
    }
    if (!resource) {
      builder.addStatement("$T $N = $T.makeCurrent($N, $N)", SCOPE, locals.scope, DECORATORS, locals.parent,
          locals.span);
    }
    builder.beginControlFlow("try");
    addRecording(builder, traced, arguments, locals.span);
    if (traced.completion() != Completion.NONE) {
      builder.addStatement("$N = $L", locals.stage, call);
    } else {
      builder.addStatement(returnsValue ? "return $L" : "$L", call);
    }
    builder.nextControlFlow("catch ($T $N)", Throwable.class, locals.e);
    builder.addStatement(resource ? "$N.recordException($N)" : "$N.error($N)", locals.span, locals.e);
    if (!resource && traced.completion() != Completion.NONE) builder.addStatement("$N.finish()", locals.span);
    builder.addStatement("throw $N", locals.e);
    if (!resource) {
      builder.nextControlFlow("finally");
      builder.addStatement("$N.close()", locals.scope);
      if (traced.completion() == Completion.NONE) builder.addStatement("$N.finish()", locals.span);
    }
    builder.endControlFlow();
    if (traced.completion() != Completion.NONE) {
      if (resource) {
        resourceStage(builder, traced.completion(), locals);
      } else {
        localStage(builder, traced.completion(), locals);
      }
    }
    return builder.build();
  }

  /**
   * The server span learns of a failure when the stage fails; an unsampled one has nothing to
   * learn. A derived stage is returned where the declared type allows it: the container's callbacks
   * on it run after the span has the failure.
   */
  private static void resourceStage(MethodSpec.Builder builder, Completion completion, Locals locals) {
    if (completion == Completion.DERIVED_STAGE) {
      builder.addStatement("if ($N == null || $N.isNoop()) return $N", locals.stage, locals.span, locals.stage);
      builder.addCode("return $N.whenComplete(($N, $N) -> {\n$>", locals.stage, locals.result, locals.error);
      builder.addStatement("if ($N != null) $N.recordException($N)", locals.error, locals.span, locals.error);
      builder.addCode("$<});\n");
      return;
    }
    builder.beginControlFlow("if ($N != null && !$N.isNoop())", locals.stage, locals.span);
    builder.addCode("$N.whenComplete(($N, $N) -> {\n$>", locals.stage, locals.result, locals.error);
    builder.addStatement("if ($N != null) $N.recordException($N)", locals.error, locals.span, locals.error);
    builder.addCode("$<});\n");
    builder.endControlFlow();
    builder.addStatement("return $N", locals.stage);
  }

  /**
   * The child span ends when the stage completes; it is current only while the method runs. An
   * unsampled one ends now, without a callback. A derived stage is returned where the declared
   * type allows it, so that it completes after the span has ended.
   */
  private static void localStage(MethodSpec.Builder builder, Completion completion, Locals locals) {
    if (completion == Completion.DERIVED_STAGE) {
      builder.beginControlFlow("if ($N == null || $N.isNoop())", locals.stage, locals.span);
      builder.addStatement("$N.finish()", locals.span);
      builder.addStatement("return $N", locals.stage);
      builder.endControlFlow();
      builder.addCode("return $N.whenComplete(($N, $N) -> {\n$>", locals.stage, locals.result, locals.error);
      builder.addStatement("if ($N != null) $N.error($N)", locals.error, locals.span, locals.error);
      builder.addStatement("$N.finish()", locals.span);
      builder.addCode("$<});\n");
      return;
    }
    builder.beginControlFlow("if ($N == null || $N.isNoop())", locals.stage, locals.span);
    builder.addStatement("$N.finish()", locals.span);
    builder.nextControlFlow("else");
    builder.addCode("$N.whenComplete(($N, $N) -> {\n$>", locals.stage, locals.result, locals.error);
    builder.addStatement("if ($N != null) $N.error($N)", locals.error, locals.span, locals.error);
    builder.addStatement("$N.finish()", locals.span);
    builder.addCode("$<});\n");
    builder.endControlFlow();
    builder.addStatement("return $N", locals.stage);
  }

  /**
   * The span name and the tags, only when the span records: an unsampled call converts no argument,
   * and a conversion that throws (a {@code toString()}) is inside the {@code try}, so that a
   * started span still ends.
   */
  private static void addRecording(MethodSpec.Builder builder, TracedMethod traced, List<String> arguments,
      String span) {
    boolean rename = traced.kind() == Kind.RESOURCE && !traced.spanName().isEmpty();
    if (!rename && traced.tags().isEmpty()) return;
    builder.beginControlFlow("if (!$N.isNoop())", span);
    if (rename) builder.addStatement("$N.name($S)", span, traced.spanName());
    addTags(builder, traced, arguments, span);
    builder.endControlFlow();
  }

  private static void addTags(MethodSpec.Builder builder, TracedMethod traced, List<String> arguments, String span) {
    for (TagParameter tag : traced.tags()) {
      String argument = arguments.get(tag.index());
      switch (tag.conversion()) {
        case PRIMITIVE:
        case STRING:
          builder.addStatement("$N.tag($S, $N)", span, tag.key(), argument);
          break;
        case CHAR:
          builder.addStatement("$N.tag($S, $T.valueOf($N))", span, tag.key(), String.class, argument);
          break;
        case BOXED:
          builder.addStatement("if ($N != null) $N.tag($S, $N)", argument, span, tag.key(), argument);
          break;
        case ENUM:
          builder.addStatement("if ($N != null) $N.tag($S, $N.name())", argument, span, tag.key(), argument);
          break;
        case ARRAY:
          builder.addStatement("if ($N != null) $N.tag($S, $T.toString($N))", argument, span, tag.key(),
              Arrays.class, argument);
          break;
        case OBJECT:
          builder.addStatement("if ($N != null) $N.tag($S, $T.valueOf($N))", argument, span, tag.key(),
              String.class, argument);
          break;
        default:
          throw new AssertionError(tag.conversion());
      }
    }
  }

  private static Modifier[] visibility(Element element) {
    if (element.getModifiers().contains(Modifier.PUBLIC)) return new Modifier[] {Modifier.PUBLIC};
    if (element.getModifiers().contains(Modifier.PROTECTED)) return new Modifier[] {Modifier.PROTECTED};
    return new Modifier[0];
  }

  /** Public when the original and every class around it are public. */
  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) return false;
    }
    return true;
  }

  /** The names of a method's locals, chosen so that none hides a parameter. */
  private static final class Locals {
    final String parent;
    final String span;
    final String scope;
    final String stage;
    final String result;
    final String error;
    final String e;

    // Each name is its own tag: without one, NameAllocator tags it with a random UUID, which
    // reads SecureRandom seven times per traced method.
    Locals(NameAllocator names) {
      this.parent = names.newName("parent", "parent");
      this.span = names.newName("span", "span");
      this.scope = names.newName("scope", "scope");
      this.stage = names.newName("stage", "stage");
      this.result = names.newName("result", "result");
      this.error = names.newName("error", "error");
      this.e = names.newName("e", "e");
    }
  }
}
