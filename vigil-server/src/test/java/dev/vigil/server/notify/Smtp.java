package dev.vigil.server.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a fixed port that a test can stop and start again, keeping what it received
 * before each stop. It requires authentication, so the configured SMTP password is really used.
 */
final class Smtp {
  static final String USER = "vigil-mailer";

  private final int port;
  private final String password;
  private final List<MimeMessage> before = new ArrayList<>();
  private GreenMail mail;

  Smtp(int port, String password) {
    this.port = port;
    this.password = password;
    start();
  }

  int port() {
    return port;
  }

  synchronized void start() {
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.setUser("vigil@example.com", USER, password);
    mail.start();
  }

  synchronized void stop() {
    before.addAll(Arrays.asList(mail.getReceivedMessages()));
    mail.stop();
  }

  /** Every message received, in arrival order, whose recipients include {@code address}. */
  synchronized List<MimeMessage> to(String address) {
    List<MimeMessage> all = new ArrayList<>(before);
    all.addAll(Arrays.asList(mail.getReceivedMessages()));
    return all.stream().filter(m -> recipients(m).contains(address)).toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
