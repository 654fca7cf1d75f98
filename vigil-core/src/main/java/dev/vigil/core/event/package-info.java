/**
 * The login event contract (DESIGN.md §3): the record every source is mapped to, its validation rules and
 * its JSON form. Nothing here knows about profiles, detectors or scoring.
 */
@NullMarked
package dev.vigil.core.event;

import org.jspecify.annotations.NullMarked;
