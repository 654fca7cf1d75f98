package dev.vigil.core.enrich;

/** The kind of device a user agent describes. */
public enum DeviceClass {
  DESKTOP,
  MOBILE,
  TABLET,
  /** A script, library or crawler (curl, python-requests, Go, headless browsers). */
  BOT,
  UNKNOWN
}
