package dev.vigil.server.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.IpAddress;
import dev.vigil.server.ServerTest;
import dev.vigil.server.privacy.IpHasher;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The block list answers from memory, yet a block or unblock decided here holds from the very next login, and a
 * block whose transaction rolls back never takes effect.
 */
@ServerTest
final class BlockListTests {
  private static final IpAddress ATTACKER = IpAddress.parse("81.2.69.99");
  private static final IpAddress NEIGHBOUR = IpAddress.parse("81.2.69.160");

  @Autowired
  BlockList blocks;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  IpHasher hasher;

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void aBlockHoldsFromTheNextCheckAlthoughTheEmptyListWasCached() {
    assertThat(blocks.isBlocked(tenant, ATTACKER)).isFalse();

    long id = transactions.execute(status -> blocks.block(tenant, hasher.hash(ATTACKER), ATTACKER.masked(), null,
        "test"));

    assertThat(blocks.isBlocked(tenant, ATTACKER)).isTrue();
    assertThat(blocks.isBlocked(tenant, NEIGHBOUR)).as("only the address").isFalse();
    blocks.unblock(tenant, id);
    assertThat(blocks.isBlocked(tenant, ATTACKER)).as("lifted at once").isFalse();
  }

  @Test
  void aNetworkBlockCoversEveryAddressOfTheNetwork() {
    assertThat(blocks.isBlocked(tenant, NEIGHBOUR)).isFalse();

    blocks.block(tenant, "", ATTACKER.masked(), null, "test");

    assertThat(blocks.isBlocked(tenant, ATTACKER)).isTrue();
    assertThat(blocks.isBlocked(tenant, NEIGHBOUR)).isTrue();
    assertThat(blocks.isBlocked(tenant, IpAddress.parse("81.2.70.1"))).as("another network").isFalse();
  }

  @Test
  void aBlockWhoseTransactionRollsBackIsNotRemembered() {
    transactions.executeWithoutResult(status -> {
      blocks.block(tenant, hasher.hash(ATTACKER), ATTACKER.masked(), null, "test");
      assertThat(blocks.isBlocked(tenant, ATTACKER)).as("seen inside its own transaction").isTrue();
      status.setRollbackOnly();
    });

    assertThat(blocks.isBlocked(tenant, ATTACKER)).isFalse();
  }

  @Test
  void tenantsDoNotShareBlocks() {
    blocks.block(tenant, hasher.hash(ATTACKER), ATTACKER.masked(), null, "test");

    assertThat(blocks.isBlocked("t-" + UUID.randomUUID(), ATTACKER)).isFalse();
  }
}
