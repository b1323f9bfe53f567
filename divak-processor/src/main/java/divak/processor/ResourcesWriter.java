package divak.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the {@code DivakResources} feature of a package: it registers the package's decorated
 * root resources, and lists them for {@code Application#getClasses()}.
 */
final class ResourcesWriter {
  static final String SIMPLE_NAME = "DivakResources";

  private final Optional<AnnotationSpec> generated;

  ResourcesWriter(Optional<AnnotationSpec> generated) {
    this.generated = generated;
  }

  /**
   * @param decorators the decorators of the package's root resources, sorted by name
   * @param originals the classes they decorate, from which the file is generated
   */
  JavaFile write(String packageName, Collection<ClassName> decorators, Collection<TypeElement> originals) {
    ClassName feature = ClassName.get("jakarta.ws.rs.core", "Feature");
    ClassName featureContext = ClassName.get("jakarta.ws.rs.core", "FeatureContext");
    TypeSpec.Builder type = TypeSpec.classBuilder(ClassName.get(packageName, SIMPLE_NAME))
        .addJavadoc("Registers the traced resources of this package: "
            + "{@code config.register(DivakResources.class)},\n"
            + "or {@link #classes()} from {@code Application#getClasses()} where a container takes no\n"
            + "resources from a feature.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(feature);
    generated.ifPresent(type::addAnnotation);

    CodeBlock.Builder list = CodeBlock.builder();
    MethodSpec.Builder configure = MethodSpec.methodBuilder("configure")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(featureContext, "context");
    boolean first = true;
    originals.forEach(type::addOriginatingElement);
    for (ClassName decorator : decorators) {
      list.add(first ? "$T.class" : ",$W$T.class", decorator);
      configure.addStatement("context.register($T.class)", decorator);
      first = false;
    }
    configure.addStatement("return true");

    type.addMethod(MethodSpec.methodBuilder("classes")
        .addJavadoc("The decorated root resources of this package.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Set.class),
            ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class))))
        .addStatement("return $T.of($L)", Set.class, list.build())
        .build());
    type.addMethod(configure.build());
    return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).build();
  }
}
