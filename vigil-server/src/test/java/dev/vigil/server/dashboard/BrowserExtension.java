package dev.vigil.server.dashboard;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One {@link Browser} per test class, opened on the class's server port before its first test and closed after its
 * last: a test method (or lifecycle method) declares a {@code Browser} parameter. Without the driver the class is
 * skipped as {@link Browser#open} says.
 */
final class BrowserExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    int port = SpringExtension.getApplicationContext(context).getEnvironment()
        .getRequiredProperty("local.server.port", Integer.class);
    // Stored values that are AutoCloseable are closed when the class's context closes.
    context.getStore(NAMESPACE).put(Browser.class, Browser.open(port));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
  }
}
