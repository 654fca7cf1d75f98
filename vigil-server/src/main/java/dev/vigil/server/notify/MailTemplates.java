package dev.vigil.server.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail templates under {@code dev/vigil/server/notify/templates/}: {@code <name>.txt} and {@code <name>.html},
 * with {@code {{key}}} placeholders. In HTML every value is escaped, except keys ending in {@code Html}, which the
 * caller has built from escaped parts. A template engine would be one more dependency for four templates.
 */
final class MailTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  String text(String name, Map<String, String> values) {
    return render(load(name + ".txt"), values, false);
  }

  String html(String name, Map<String, String> values) {
    return render(load(name + ".html"), values, true);
  }

  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String render(String template, Map<String, String> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      String key = m.group(1);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException("template value missing: " + key);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(html && !key.endsWith("Html") ? escapeHtml(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String load(String file) {
    return cache.computeIfAbsent(file, f -> {
      try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + f)) {
        if (in == null) {
          throw new IllegalStateException("no mail template " + f);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
