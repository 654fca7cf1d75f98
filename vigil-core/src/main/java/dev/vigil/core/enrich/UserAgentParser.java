package dev.vigil.core.enrich;

import org.jspecify.annotations.Nullable;

/**
 * Turns a User-Agent header into a {@link UserAgentInfo}: browser family and major version, OS family, device
 * class, and whether the client is automated (an HTTP library, a headless browser, a crawler). Thread-safe.
 *
 * <p>The parse is a scan for well-known product tokens (see {@code UserAgentScanner} for the rules and their
 * blind spots); results are cached per exact header string in a bounded cache, so a repeated UA costs one map
 * lookup. Headers longer than {@value #MAX_CACHED_LENGTH} chars are parsed but not cached: the event contract
 * truncates UAs to 512 chars, so a longer one comes from an unusual caller and would only pin memory.
 */
public final class UserAgentParser {
  /** The longest header kept in the cache, in chars; bounds the cache's memory to about cacheSize × 1 KB. */
  static final int MAX_CACHED_LENGTH = 512;

  private final BoundedCache<String, UserAgentInfo> cache;

  /**
   * @param cacheSize how many distinct headers to remember; 0 disables caching
   * @throws IllegalArgumentException if {@code cacheSize} is negative
   */
  public UserAgentParser(int cacheSize) {
    this.cache = new BoundedCache<>(cacheSize);
  }

  /**
   * Parses a User-Agent header. Never throws, whatever the input.
   *
   * @param userAgent the raw header; {@code null} when the client sent none
   * @return the parsed agent; {@link UserAgentInfo#ABSENT} for {@code null}, empty or blank input
   */
  public UserAgentInfo parse(@Nullable String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return UserAgentInfo.ABSENT;
    }
    UserAgentInfo cached = cache.get(userAgent);
    if (cached != null) {
      return cached;
    }
    UserAgentInfo parsed = UserAgentScanner.scan(userAgent);
    if (userAgent.length() <= MAX_CACHED_LENGTH) {
      cache.put(userAgent, parsed);
    }
    return parsed;
  }

  /** How many headers the cache holds now; for tests. */
  int cachedCount() {
    return cache.size();
  }
}
