package divak.it.inject;

public interface Greeter {
  String greet(String name);
}
