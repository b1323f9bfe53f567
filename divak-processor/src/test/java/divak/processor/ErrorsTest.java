package divak.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file of {@code bad/} fails with the full message, in that file, on that line: the line of
 * the offending annotation when there is one, so that an IDE underlines it. It is the only error
 * and there is no warning: a mistake is said once.
 */
class ErrorsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        error("FinalClass", "@Traced",
            "[DivakFinalClass] @Traced class FinalClass is final, so no decorator subclass can extend"
                + " it. Remove final from the class."),
        error("SealedClass", "@Traced",
            "[DivakSealedClass] @Traced class SealedClass is sealed and does not permit its decorator"
                + " subclass. Make the class non-sealed, or trace a class it delegates to."),
        error("AbstractClass", "@Traced",
            "[DivakAbstractClass] @Traced class AbstractClass is abstract, so its decorator would be"
                + " abstract too and could not be instantiated. Put @Traced on the concrete subclasses"
                + " instead."),
        error("TracedInterface", "@Traced",
            "[DivakNotAClass] @Traced is for classes and their methods, and TracedInterface is an"
                + " interface, which no decorator can extend. Put @Traced on a class that implements or"
                + " uses it."),
        error("InterfaceMethod", "@Traced",
            "[DivakInterfaceMethod] @Traced method InterfaceMethod.run() is declared in an interface;"
                + " only a class is decorated. Put @Traced on the implementing class or method."),
        error("TracedEnum", "@Traced",
            "[DivakNotAClass] @Traced is for classes and their methods, and TracedEnum is an enum,"
                + " which no decorator can extend. Put @Traced on a class that implements or uses it."),
        error("TracedRecord", "@Traced",
            "[DivakNotAClass] @Traced is for classes and their methods, and TracedRecord is a record,"
                + " which no decorator can extend. Put @Traced on a class that implements or uses it."),
        error("InnerClass", "@Traced",
            "[DivakInnerClass] @Traced class InnerClass.Inner is an inner class (not static), which"
                + " its decorator cannot extend from outside. Make the nested class static."),
        error("PrivateClass", "@Traced",
            "[DivakPrivateClass] @Traced class PrivateClass.Hidden is private, or nested in a private"
                + " class, so its decorator in the same package cannot extend it. Make it"
                + " package-private or wider."),
        error("NoConstructor", "@Traced",
            "[DivakNoConstructor] @Traced class NoConstructor has no non-private constructor for its"
                + " decorator to call. Add a package-private, protected or public constructor."),
        error("NamedClass", "@Traced(\"orders\")",
            "[DivakNamedClass] @Traced on class NamedClass takes no span name: spans are named per"
                + " method. Remove \"orders\" here, or move it to a method."),
        error("BlankName", "@Traced(\"  \")",
            "[DivakBlankName] @Traced(\"  \") on BlankName.run() is a blank span name. Give a name, or"
                + " write @Traced without one for the default name."),
        error("PrivateMethod", "@Traced",
            "[DivakPrivateMethod] @Traced method PrivateMethod.run(String) is private, so the decorator"
                + " subclass cannot override it. Make the method package-private, protected or"
                + " public."),
        error("StaticMethod", "@Traced",
            "[DivakStaticMethod] @Traced method StaticMethod.run() is static, so the decorator"
                + " subclass cannot override it. Make it an instance method, or trace its caller."),
        error("FinalMethod", "@Traced",
            "[DivakFinalMethod] @Traced method FinalMethod.run() is final, so the decorator subclass"
                + " cannot override it. Remove final from the method."),
        error("TracedAndNotTraced", "@Traced @NotTraced",
            "[DivakTracedAndNotTraced] Method TracedAndNotTraced.run() has both @Traced and"
                + " @NotTraced. Remove one: @NotTraced only leaves a method out of its class's"
                + " @Traced."),
        error("ErrorBesideResources", "@Path(\"/broken\") @Traced",
            "[DivakFinalClass] @Traced class ErrorBesideResources.Broken is final, so no decorator"
                + " subclass can extend it. Remove final from the class."),
        error("InaccessibleType", "@Traced",
            "[DivakInaccessibleType] @Traced method InaccessibleType.run() uses type"
                + " bad.InaccessibleType.Secret, which the decorator in the same package cannot name."
                + " Make that type package-private or wider."),
        error("RawStage", "@Traced",
            "[DivakRawStage] @Traced method RawStage.later() returns the raw type"
                + " java.util.concurrent.CompletionStage, so the decorator cannot observe how it"
                + " completes. Give it a type argument, such as CompletionStage<?>."),
        error("TagWithoutTraced", "public void run(",
            "[DivakTagWithoutTraced] @Tag on parameter id of TagWithoutTraced.run(String) has no"
                + " effect: the method is not traced. Put @Traced on the method (or on its class, for a"
                + " resource method), or remove @Tag."),
        error("TagOnUntracedMethod", "public void untraced(",
            "[DivakTagWithoutTraced] @Tag on parameter id of TagOnUntracedMethod.untraced(String) has"
                + " no effect: the method is not traced. Put @Traced on the method (or on its class, for"
                + " a resource method), or remove @Tag."),
        error("TagInInterface", "void run(",
            "[DivakTagWithoutTraced] @Tag on parameter id of TagInInterface.run(String) has no"
                + " effect: interface methods are not traced. Put @Tag on the parameter of the"
                + " implementing method in the @Traced class."),
        error("EmptyTagKey", "public void run(",
            "[DivakEmptyTagKey] @Tag on parameter id of EmptyTagKey.run(String) has an empty key."
                + " Give the tag key, such as @Tag(\"order.id\")."),
        error("DuplicateTagKey", "public void run(",
            "[DivakDuplicateTagKey] @Tag key \"order.id\" is used by parameters id and other of"
                + " DuplicateTagKey.run(String, String). Give each parameter its own key."),
        error("Unresolved", "public class Unresolved",
            "[DivakUnresolvedType] @Traced class bad.Unresolved refers to a type that never resolved"
                + " (Missing); no decorator is written. Fix or generate that type."),
        error("NameTaken", "public class NameTaken",
            "[DivakNameTaken] Cannot write bad.Divak_NameTaken for bad.NameTaken: a type of that name"
                + " already exists. Rename that type."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsTheRuleAndTheFixOnTheElement(String name, String line, String message) {
    JavaFileObject source = JavaFileObjects.forResource("bad/" + name + ".java");
    Compilation compilation = javac().withProcessors(new DivakProcessor()).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    // No follow-on errors, and no "created in the last round" warning. (javac itself reports the
    // type that does not resolve.)
    assertThat(compilation.errors().stream().filter(e -> e.getMessage(null).startsWith("[Divak")))
        .hasSize(1);
    assertThat(compilation).hadWarningCount(0);
  }

  private static Arguments error(String file, String line, String message) {
    return Arguments.of(file, line, message);
  }
}
