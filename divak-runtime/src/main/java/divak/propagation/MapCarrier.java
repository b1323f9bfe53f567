package divak.propagation;

import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The getter and setter for {@code Map<String, String>} carriers, shared singletons. */
final class MapCarrier {
  static final Propagation.Getter<Map<String, String>> GETTER = new Propagation.Getter<>() {
    @Override
    public @Nullable String get(Map<String, String> carrier, String name) {
      String value = carrier.get(name);
      if (value != null) return value;
      for (Map.Entry<String, String> e : carrier.entrySet()) {
        String key = e.getKey();
        if (key != null && key.equalsIgnoreCase(name)) return e.getValue();
      }
      return null;
    }

    @Override
    public String toString() {
      return "Propagation.mapGetter()";
    }
  };

  static final Propagation.Setter<Map<String, String>> SETTER = new Propagation.Setter<>() {
    @Override
    public void set(Map<String, String> carrier, String name, String value) {
      for (Iterator<String> i = carrier.keySet().iterator(); i.hasNext(); ) {
        String key = i.next();
        if (key != null && !key.equals(name) && key.equalsIgnoreCase(name)) i.remove();
      }
      carrier.put(name, value);
    }

    @Override
    public String toString() {
      return "Propagation.mapSetter()";
    }
  };

  private MapCarrier() {
  }
}
