package dev.vigil.server.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a real mail client would show: the decoded text and HTML parts. */
final class Mails {
  private static final Pattern LINK = Pattern.compile("http://vigil\\.test/notify/(confirm|report)/([A-Za-z0-9_.-]+)");

  private Mails() {}

  static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The path of the mail's confirm or report link ({@code /notify/confirm/<token>}). */
  static String linkPath(MimeMessage message, String action) {
    Matcher m = LINK.matcher(text(message));
    while (m.find()) {
      if (m.group(1).equals(action)) {
        return "/notify/" + action + "/" + m.group(2);
      }
    }
    throw new AssertionError("no " + action + " link in the mail");
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, type);
          if (!found.isEmpty()) {
            return found;
          }
        }
      }
      return "";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
