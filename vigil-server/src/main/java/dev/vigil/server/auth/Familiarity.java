package dev.vigil.server.auth;

/**
 * Whether a login comes from where the user recently logged in successfully.
 *
 * @param network the source's /24 or /48
 * @param device the device id the client sent
 */
record Familiarity(boolean network, boolean device) {
  static final Familiarity NONE = new Familiarity(false, false);

  boolean any() {
    return network || device;
  }
}
