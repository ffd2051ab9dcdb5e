package io.kefu.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * Where a plugin joins the ticket lifecycle. Every method has a no-op default. The host calls
 * them on its own threads with a time limit (2 s by default): a hook must not keep state
 * between calls other than in its own tables, and it must not block beyond the limit: a hook
 * that times out or throws is skipped for that ticket and counted, and repeated failures make
 * the plugin DEGRADED for the tenant (its hooks are skipped for a cool-down) while tickets keep
 * flowing.
 */
@Stable
public interface TicketHooks {

    /** Hooks that do nothing. */
    TicketHooks NONE = new TicketHooks() {
    };

    /** Objections to a ticket about to be created; empty when it is fine. A failing hook never blocks creation. */
    default List<ValidationProblem> validate(HookContext context, TicketView ticket) {
        return List.of();
    }

    /** After a ticket was created (its transaction committed or not yet: do not rely on either). */
    default void onCreate(HookContext context, TicketView ticket) {
    }

    /** After a ticket moved from one status to another. */
    default void onTransition(HookContext context, TicketView ticket, String from, String to) {
    }

    /** Facts for the agent's side panel next to this ticket; empty when the plugin has nothing to say. */
    default Optional<SidePanel> sidePanel(HookContext context, TicketView ticket) {
        return Optional.empty();
    }
}
