/**
 * Vigil for Keycloak: a provider jar with the event listener {@code vigil} (login events to Vigil, asynchronously)
 * and the authenticator {@code vigil-risk-check} (Vigil's decision in the browser flow: continue, OTP step-up, or
 * refuse). See docs/integrations/keycloak.md.
 */
@NullMarked
package dev.vigil.keycloak;

import org.jspecify.annotations.NullMarked;
