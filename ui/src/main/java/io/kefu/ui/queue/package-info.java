/**
 * The queues page (route {@code queues}, also the workspace's landing page): the caller's queues
 * with live counts, saved filters, a lazy grid over the platform's ticket list with a filter bar,
 * custom-field columns, bulk actions and keyboard navigation. The logic lives in the platform
 * ({@link io.kefu.platform.queue}); here are the view, the offset-to-cursor paging a lazy grid
 * needs, the bulk runner and the refresh debounce.
 */
package io.kefu.ui.queue;
