package dev.vigil.server.support;

import dev.vigil.core.event.IpAddress;
import dev.vigil.server.enforce.BlockList;
import dev.vigil.server.privacy.IpHasher;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes blocks into {@code ip_lists} exactly as enforcement's BLOCK action stores them (HMAC, masked network), and
 * tells the {@link BlockList} so its cache does not hide them.
 */
public final class Blocks {
  private final JdbcClient jdbc;
  private final IpHasher hasher;
  private final BlockList blockList;

  public Blocks(JdbcClient jdbc, IpHasher hasher, BlockList blockList) {
    this.jdbc = jdbc;
    this.hasher = hasher;
    this.blockList = blockList;
  }

  /** Blocks one address for the tenant. */
  public void address(String tenantId, String ip) {
    IpAddress address = IpAddress.parse(ip);
    jdbc.sql("""
            INSERT INTO ip_lists (tenant_id, list, ip_hmac, network, reason, created_at)
            VALUES (?, 'block', ?, ?, 'test', ?)""")
        .param(tenantId).param(hasher.hash(address)).param(address.masked()).param(Timestamp.from(Instant.now()))
        .update();
    blockList.forget(tenantId);
  }
}
