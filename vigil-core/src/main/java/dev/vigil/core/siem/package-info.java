/**
 * Assessments as security tools read them: OCSF Detection Finding (class 2004) JSON, ArcSight CEF and RFC 5424
 * syslog lines, besides Vigil's own JSON. {@link dev.vigil.core.siem.OutputFormat} names them; each formatter turns
 * one assessment (and the event it judged) into one line.
 */
@NullMarked
package dev.vigil.core.siem;

import org.jspecify.annotations.NullMarked;
