package dev.vigil.simulator;

/** The operating system part of a user agent, and whether it is a phone. */
enum Platform {
  WINDOWS("Windows NT 10.0; Win64; x64", false),
  MAC("Macintosh; Intel Mac OS X 10_15_7", false),
  LINUX("X11; Linux x86_64", false),
  ANDROID("Linux; Android 10; K", true),
  IPHONE("iPhone; CPU iPhone OS 18_6 like Mac OS X", true);

  /** The frozen platform token browsers send since UA reduction (Windows 11 still says NT 10.0). */
  final String token;
  final boolean phone;

  Platform(String token, boolean phone) {
    this.token = token;
    this.phone = phone;
  }
}
