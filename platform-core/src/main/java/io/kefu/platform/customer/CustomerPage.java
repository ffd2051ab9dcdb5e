package io.kefu.platform.customer;

import java.util.List;

/** One page of a list; {@code next} is null on the last page. */
public record CustomerPage(List<CustomerDetails> items, PageCursor next) {

    public CustomerPage {
        items = List.copyOf(items);
    }
}
