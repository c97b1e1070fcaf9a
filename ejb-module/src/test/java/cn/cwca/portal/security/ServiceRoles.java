package cn.cwca.portal.security;

import cn.cwca.portal.account.Account;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Test-only: the session beans of the EJB module and who may call each public business method, as
 * their {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} say (a method's annotation
 * wins over its class's, as in the EJB specification).
 */
final class ServiceRoles {

  /** Who may call a method: {@code roles} when {@code restricted}, else everybody. */
  record Access(
      Class<?> service, Method method, boolean annotated, boolean restricted, Set<String> roles) {

    String name() {
      return service.getSimpleName() + "." + method.getName();
    }

    boolean allows(String role) {
      return !restricted || roles.contains(role);
    }
  }

  private ServiceRoles() {}

  /** Every {@code @Stateless} class compiled from {@code src/main/java}. */
  static List<Class<?>> statelessBeans() {
    Path classes;
    try {
      classes = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                ServiceRoles.class.getClassLoader());
        if (type.isAnnotationPresent(Stateless.class)) {
          beans.add(type);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    beans.sort(Comparator.comparing(Class::getName));
    return beans;
  }

  /** Who may call each public business method of the bean. */
  static List<Access> of(Class<?> bean) {
    List<Access> accesses = new ArrayList<>();
    for (Method method : bean.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || method.isSynthetic()) {
        continue;
      }
      accesses.add(access(bean, method));
    }
    accesses.sort(Comparator.comparing(Access::name));
    return accesses;
  }

  private static Access access(Class<?> bean, Method method) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return new Access(bean, method, true, true, Set.of());
    }
    if (method.isAnnotationPresent(RolesAllowed.class)) {
      return new Access(
          bean, method, true, true, Set.of(method.getAnnotation(RolesAllowed.class).value()));
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return new Access(bean, method, true, false, Set.of());
    }
    if (bean.isAnnotationPresent(DenyAll.class)) {
      return new Access(bean, method, true, true, Set.of());
    }
    if (bean.isAnnotationPresent(RolesAllowed.class)) {
      return new Access(
          bean, method, true, true, Set.of(bean.getAnnotation(RolesAllowed.class).value()));
    }
    return new Access(bean, method, bean.isAnnotationPresent(PermitAll.class), false, Set.of());
  }
}
