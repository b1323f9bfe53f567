package divak.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import divak.Divak;
import divak.annotations.Traced;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rounds, class paths without Jakarta REST, and output stability. */
class ProcessorBehaviourTest {

  @Test
  void waitsForATypeThatAnotherProcessorGenerates() {
    Compilation compilation = javac()
        .withProcessors(new DivakProcessor(), new GeneratesLater())
        .compile(JavaFileObjects.forResource("rounds/UsesLater.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("rounds.Divak_UsesLater")
        .contentsAsUtf8String().contains("public Later find(String id)");
  }

  @Test
  void aServiceNeedsNoJakartaRestOnTheClassPath() throws Exception {
    List<File> classpath = Stream.of(Traced.class, Divak.class, org.slf4j.Logger.class)
        .map(ProcessorBehaviourTest::location)
        .collect(Collectors.toList());
    Compilation compilation = javac()
        .withClasspath(classpath)
        .withProcessors(new DivakProcessor())
        .compile(GoldenTest.inputs("good/services"));

    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      assertThat(file.getCharContent(true).toString()).doesNotContain("jakarta");
    }
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .noneMatch(name -> name.endsWith("DivakResources.java"));
  }

  @Test
  void withoutTheRuntimeSaysWhichDependencyToAddOnce() throws Exception {
    Compilation compilation = javac()
        .withClasspath(List.of(location(Traced.class)))
        .withProcessors(new DivakProcessor())
        .compile(GoldenTest.inputs("good/services"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[DivakNoRuntime] @Traced class PricingService needs"
        + " divak-runtime on the compile class path: its decorator calls divak.Decorators, which does"
        + " not resolve. Add the dependency io.divak:divak-runtime (compile scope) to this module; no"
        + " decorator is written without it.");
  }

  @Test
  void outputDoesNotDependOnInputOrder() throws Exception {
    List<JavaFileObject> inputs = GoldenTest.inputs("good/orders");
    List<JavaFileObject> reversed = new java.util.ArrayList<>(inputs);
    java.util.Collections.reverse(reversed);

    assertThat(sources(javac().withProcessors(new DivakProcessor()).compile(reversed)))
        .isEqualTo(sources(javac().withProcessors(new DivakProcessor()).compile(inputs)));
  }

  private static List<String> sources(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .sorted(java.util.Comparator.comparing(JavaFileObject::getName))
        .map(f -> {
          try {
            return f.getCharContent(true).toString();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })
        .collect(Collectors.toList());
  }

  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code rounds.Later} in the first round, as a code generator would. */
  static final class GeneratesLater extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) return false;
      done = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("rounds.Later").openWriter()) {
        out.write("package rounds;\n\npublic class Later {\n}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}
