package dev.vigil.server.caller;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Fills a {@link Caller} controller parameter: tenant from {@code X-Vigil-Tenant} (or {@code ?tenant=}), actor
 * from {@code X-Vigil-Actor} (else {@code anonymous}). Unauthenticated on this branch by design; the auth
 * branch replaces the body of {@link #resolveArgument} with the authenticated principal's tenant and name.
 */
@Configuration(proxyBeanMethods = false)
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
  static final String TENANT_HEADER = "X-Vigil-Tenant";
  static final String ACTOR_HEADER = "X-Vigil-Actor";
  private static final int MAX_LENGTH = 200;

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
    String tenant = request.getHeader(TENANT_HEADER);
    if (!StringUtils.hasText(tenant)) {
      tenant = request.getParameter("tenant");
    }
    if (!StringUtils.hasText(tenant) || tenant.length() > MAX_LENGTH) {
      throw new MissingTenantException();
    }
    String actor = request.getHeader(ACTOR_HEADER);
    if (!StringUtils.hasText(actor) || actor.length() > MAX_LENGTH) {
      actor = "anonymous";
    }
    return new Caller(tenant.strip(), actor.strip());
  }
}
