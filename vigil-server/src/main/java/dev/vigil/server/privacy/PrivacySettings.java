package dev.vigil.server.privacy;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How personal data is pseudonymised before it is stored.
 *
 * @param hmacKey the HMAC-SHA-256 key, base64, at least 32 bytes; when absent the key is read from
 *     {@code hmacKeyFile}, which is generated on first start
 * @param hmacKeyFile where the key lives when {@code hmacKey} is not given
 */
@ConfigurationProperties("vigil.privacy")
public record PrivacySettings(@Nullable String hmacKey, @DefaultValue("./data/hmac.key") Path hmacKeyFile) {
  @Override
  public String toString() {
    return "PrivacySettings[hmacKey=" + (hmacKey == null ? "absent" : "redacted") + ", hmacKeyFile=" + hmacKeyFile
        + "]";
  }
}
