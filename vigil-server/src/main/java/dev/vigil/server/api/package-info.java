/**
 * The engine API over HTTP ({@code POST /api/v1/assess}), its OpenAPI description, and the one problem+json error
 * mapping for every feature (access, risk, engine).
 */
@NullMarked
package dev.vigil.server.api;

import org.jspecify.annotations.NullMarked;
