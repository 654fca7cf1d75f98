package dev.vigil.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the engine API usable on first start without any setup, and lets operators provision keys from
 * configuration. Runs once the schema is migrated and before the web server takes requests.
 *
 * <ul>
 *   <li>{@code vigil.access.bootstrap-keys}: each {@code tenant:key} is stored (hashed) unless its id is known;
 *   <li>then, on a database still without tenants (and {@code vigil.access.demo-tenant}), tenant
 *       {@value #DEMO_TENANT} gets a fresh key, written to {@code vigil.access.demo-key-file} readable by the owner
 *       only. The log names the file and the key id, never the key. Configured keys therefore suppress the demo
 *       tenant: an operator who provisions keys gets no stray key file.
 * </ul>
 */
@Component
final class AccessBootstrap implements SmartInitializingSingleton {
  static final String DEMO_TENANT = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final ApiKeys keys;
  private final ApiKeyStore store;
  private final TransactionTemplate transactions;
  private final AccessSettings settings;

  AccessBootstrap(ApiKeys keys, ApiKeyStore store, TransactionTemplate transactions, AccessSettings settings) {
    this.keys = keys;
    this.store = store;
    this.transactions = transactions;
    this.settings = settings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    provisionConfiguredKeys();
    if (settings.demoTenant()) {
      createDemoTenantIfNone().ifPresent(key -> LOG.info(
          "no tenant existed: created tenant '{}' with API key id {}; the key is in {}", key.tenantId(),
          key.keyId(), settings.demoKeyFile().toAbsolutePath().normalize()));
    }
  }

  private void provisionConfiguredKeys() {
    int stored = 0;
    for (String entry : settings.bootstrapKeys()) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "vigil.access.bootstrap-keys entries must be tenant:key; an entry has no tenant");
      }
      if (keys.provision(entry.substring(0, colon).strip(), entry.substring(colon + 1))) {
        stored++;
      }
    }
    if (stored > 0) {
      LOG.info("stored {} API keys from vigil.access.bootstrap-keys", stored);
    }
  }

  /**
   * Creates tenant {@value #DEMO_TENANT} and a key, and writes the key to the demo key file, when the database has
   * no tenant at all. An advisory lock keeps two instances starting together from both doing it.
   *
   * @return the key created; empty when tenants existed
   */
  Optional<IssuedApiKey> createDemoTenantIfNone() {
    return transactions.execute(status -> {
      store.lockForBootstrap();
      if (store.anyTenant()) {
        return Optional.<IssuedApiKey>empty();
      }
      IssuedApiKey key = keys.issue(DEMO_TENANT, "demo");
      writeOwnerOnly(settings.demoKeyFile(), key.key() + "\n");
      return Optional.of(key);
    });
  }

  /** Writes {@code text}, creating the file owner-only from the start so that no other user can ever read it. */
  static void writeOwnerOnly(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (posix && Files.exists(file)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      FileAttribute<?>[] attributes = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
          : new FileAttribute<?>[0];
      try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), attributes)) {
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      }
      if (posix) {
        Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask may have narrowed the creation mode further
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo API key to " + file, e);
    }
  }
}
