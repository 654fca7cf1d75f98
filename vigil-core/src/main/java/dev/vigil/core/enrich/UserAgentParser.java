package dev.vigil.core.enrich;

import org.jspecify.annotations.Nullable;

/** PLACEHOLDER — being replaced by the enrichment work. */
public final class UserAgentParser {
  public UserAgentParser(int cacheSize) {}

  public UserAgentInfo parse(@Nullable String userAgent) {
    return UserAgentInfo.ABSENT;
  }
}
