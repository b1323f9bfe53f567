package divak.spring.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Makes the generated decorator the class of its original's bean: a bean definition whose class is
 * {@code com.example.BookService} gets {@code com.example.Divak_BookService} when that class exists
 * and extends it. The bean keeps its name, scope, qualifiers and everything else the original's
 * definition says; it is created once, as the decorator, so {@code @PostConstruct} and
 * {@code @Scheduled} methods run once. Component scanning finds only the original, because the
 * processor does not repeat Spring stereotypes on decorators.
 *
 * <p>Beans made by factory methods ({@code @Bean}) are left alone: their method decides the class.
 */
final class DecoratorBeans implements BeanFactoryPostProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(DecoratorBeans.class);

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    boolean changed = false;
    for (String name : beanFactory.getBeanDefinitionNames()) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      String className = definition.getBeanClassName();
      if (className == null || definition.getFactoryMethodName() != null) continue;
      if (!(definition instanceof AbstractBeanDefinition bean)) continue;
      Class<?> decorator = decoratorOf(className, loader);
      if (decorator == null) continue;
      bean.setBeanClass(decorator);
      LOG.debug("bean {}: {} serves as {}", name, decorator.getName(), className);
      changed = true;
    }
    if (changed) beanFactory.clearMetadataCache();
  }

  /** {@code Divak_Outer_Inner} for {@code Outer$Inner}, when present and a subclass; else null. */
  static Class<?> decoratorOf(String className, ClassLoader loader) {
    int dot = className.lastIndexOf('.');
    String simple = className.substring(dot + 1);
    if (simple.startsWith("Divak_")) return null;
    String decoratorName = className.substring(0, dot + 1) + "Divak_" + simple.replace('$', '_');
    if (!ClassUtils.isPresent(decoratorName, loader)) return null;
    try {
      Class<?> original = ClassUtils.forName(className, loader);
      Class<?> decorator = ClassUtils.forName(decoratorName, loader);
      return decorator.getSuperclass() == original ? decorator : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
