package dev.vigil.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per tenant+network, the newest window of {@link Topics#NETWORK_FAILURES} in a global store that every task
 * can read: a late event that updates an older window must not replace the current one.
 */
final class NetworkViewUpdater implements Processor<String, byte[], Void, Void> {
  private KeyValueStore<String, byte[]> view;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    view = context.getStateStore(VigilTopology.NETWORK_VIEW_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    NetworkFailures incoming = NetworkFailures.fromJson(record.value());
    NetworkFailures current = NetworkFailures.fromJson(view.get(record.key()));
    if (incoming != null && (current == null || !incoming.windowStart().isBefore(current.windowStart()))) {
      view.put(record.key(), record.value());
    }
  }
}
