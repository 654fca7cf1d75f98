package dev.vigil.server.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /admin} and {@code /account} open their page: the static resource handler serves files, not directory
 * indexes, so the bare paths redirect to the trailing-slash form (relative links then resolve inside the page's
 * folder) and that form forwards to its {@code index.html}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : new String[] {"/admin", "/account"}) {
      registry.addRedirectViewController(page, page + "/");
      registry.addViewController(page + "/").setViewName("forward:" + page + "/index.html");
    }
  }
}
