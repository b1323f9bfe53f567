package divak.it;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** Authenticates a request that has {@code X-Roles: admin,staff} as a user in those roles. */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class RolesFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString("X-Roles");
    if (header == null) return;
    Set<String> roles = Set.of(header.split(","));
    request.setSecurityContext(new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return () -> "user";
      }

      @Override
      public boolean isUserInRole(String role) {
        return roles.contains(role);
      }

      @Override
      public boolean isSecure() {
        return false;
      }

      @Override
      public String getAuthenticationScheme() {
        return "test";
      }
    });
  }
}
