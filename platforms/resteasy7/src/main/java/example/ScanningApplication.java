package example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The books application for a scanning deployment: no classes named, so the container registers
 * every {@code @Path} and {@code @Provider} class it finds, the decorators and their originals both.
 */
@ApplicationPath("/")
public class ScanningApplication extends Application {
}
