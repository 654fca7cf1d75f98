/** The engine API over HTTP ({@code POST /api/v1/assess}) and the problem+json error mapping. */
@NullMarked
package dev.vigil.server.api;

import org.jspecify.annotations.NullMarked;
