package dev.vigil.server.dashboard;

import java.util.List;

/**
 * One page of a console list ({@code /internal/users}, {@code /internal/sessions}).
 *
 * @param items this page's rows
 * @param page zero-based page number
 * @param size rows per page asked for
 * @param total rows matching the search over all pages
 */
record DirectoryPage<T>(List<T> items, int page, int size, long total) {
  DirectoryPage {
    items = List.copyOf(items);
  }

  /** The largest page the console may ask for. */
  static final int MAX_SIZE = 100;
}
