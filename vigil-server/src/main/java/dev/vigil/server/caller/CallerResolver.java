package dev.vigil.server.caller;

import dev.vigil.server.auth.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Fills a {@link Caller} controller parameter from the authenticated principal only: the tenant of the access
 * token's account and that account's id as the actor. Nothing the client sends (headers, parameters) can name
 * the tenant, so an analyst can never act on another tenant's incidents, audit log or flags.
 *
 * <p>The login service's security chain guards {@code /internal/**} and {@code /admin/**}, so every request that
 * reaches a controller taking a {@code Caller} is authenticated; one that is not means a route escaped the chain,
 * which is a bug and fails loudly rather than acting on no tenant.
 */
@Configuration(proxyBeanMethods = false)
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
      return new Caller(user.tenantId(), user.subject());
    }
    throw new IllegalStateException("a route taking a Caller is not guarded by the login service's chain");
  }
}
