package example;

import io.undertow.Undertow;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * Serves the books application on RESTEasy's embedded Undertow: {@code Main PORT} deploys
 * {@link BooksApplication}, {@code Main PORT scanning} deploys {@link ScanningApplication} with the
 * classes a container's scan finds in {@code example.books}, as an application server hands them
 * to RESTEasy.
 */
public class Main {

  /** Starts on 127.0.0.1:{@code port}. */
  public static UndertowJaxrsServer start(int port, boolean scanning) {
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    if (scanning) {
      ResteasyDeployment deployment = new ResteasyDeploymentImpl();
      deployment.setApplicationClass(ScanningApplication.class.getName());
      for (Class<?> type : scan("example.books")) {
        if (type.isAnnotationPresent(Path.class)) {
          deployment.getScannedResourceClasses().add(type.getName());
        } else if (type.isAnnotationPresent(Provider.class)) {
          deployment.getScannedProviderClasses().add(type.getName());
        }
      }
      server.deploy(server.undertowDeployment(deployment, "/")
          .setClassLoader(Main.class.getClassLoader())
          .setContextPath("/").setDeploymentName("books"));
    } else {
      server.deploy(BooksApplication.class);
    }
    return server;
  }

  /** The top-level classes in {@code pkg}'s directory of the class path, as a scanner finds them. */
  static List<Class<?>> scan(String pkg) {
    URL url = Main.class.getClassLoader().getResource(pkg.replace('.', '/'));
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IllegalStateException("expected a class directory for " + pkg + ": " + url);
    }
    List<Class<?>> types = new ArrayList<>();
    try {
      for (String file : new File(url.toURI()).list()) {
        if (file.endsWith(".class") && !file.contains("$")) {
          types.add(Class.forName(pkg + "." + file.substring(0, file.length() - ".class".length())));
        }
      }
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return types;
  }

  /** {@code Main PORT [scanning]}: serves until killed. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    start(port, args.length > 1 && args[1].equals("scanning"));
    System.out.println("books started on 127.0.0.1:" + port);
  }
}
