package io.kefu.ui.live;

import java.io.Serializable;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;

import io.kefu.platform.identity.Caller;

/**
 * Refreshes a view that shows many tickets (the queues, the team board) when tickets of its
 * tenant change: at most once per {@link RefreshDebounce#INTERVAL}, on the browser's next poll.
 * <p>
 * The poll, not the feed's delivery, runs the refresh. A lazy grid fetches its rows while the
 * response is written, after the feed has unbound the tenant and caller; a poll is a client
 * request, bound by the request filter as usual. Only the first change since the last refresh
 * takes the UI's lock (a busy tenant changes tickets many times a second): the refresh shows them
 * all.
 */
public final class LiveRefresh implements Serializable {

    /** What a view does with the changes it hears. */
    public interface Listener extends Serializable {
        /**
         * On the feed's thread, without the UI's lock, before the change is taken as one to show:
         * note what it concerns (it must not touch components); false ignores it.
         */
        default boolean heard(TicketUpdate update) {
            return true;
        }

        /**
         * On a poll, at most once per interval after changes were heard: show them.
         *
         * @param since the feed's generation once the first change not yet shown was heard: what
         *              is read must be at least this new
         */
        void refresh(long since);
    }

    private final Component owner;
    private final Listener listener;
    private final RefreshDebounce debounce;
    private final TicketFeed feed;
    private final io.kefu.platform.tenant.TenantCode tenant;
    /** A change was heard and not yet shown: set by the feed's thread, cleared by a refresh. */
    private final AtomicBoolean pending = new AtomicBoolean();
    /** {@link TicketFeed#generation} once the first change not yet shown was heard. */
    private volatile long since;
    private final Registration listening;
    private final Registration onAttach;
    private final Registration onDetach;
    private Registration polling;

    private LiveRefresh(Component owner, TicketFeed feed, Caller.TenantUser user, Clock clock, Listener listener) {
        this.owner = owner;
        this.listener = listener;
        this.feed = feed;
        this.tenant = user.tenant();
        this.debounce = new RefreshDebounce(clock);
        // Made right after the view's own first load: the interval counts from there.
        debounce.refreshed();
        this.listening = feed.subscribe(owner, user, update -> {
            if (!listener.heard(update)) {
                return false;
            }
            if (pending.getAndSet(true)) {
                return false;
            }
            since = feed.generation(tenant);
            return true;
        }, update -> changed());
        this.onAttach = owner.addAttachListener(e -> poll(e.getUI()));
        this.onDetach = owner.addDetachListener(e -> stopPolling(e.getUI()));
        owner.getUI().ifPresent(this::poll);
    }

    /**
     * Starts refreshing {@code owner} with {@code refresh} while it is attached, until
     * {@link #remove()}; call it once the view has shown its first data.
     */
    public static LiveRefresh of(Component owner, TicketFeed feed, Caller.TenantUser user, Clock clock, SerializableRunnable refresh) {
        return new LiveRefresh(owner, feed, user, clock, since -> refresh.run());
    }

    /** As {@link #of(Component, TicketFeed, Caller.TenantUser, Clock, SerializableRunnable)}, with a listener. */
    public static LiveRefresh of(Component owner, TicketFeed feed, Caller.TenantUser user, Clock clock, Listener listener) {
        return new LiveRefresh(owner, feed, user, clock, listener);
    }

    /**
     * What the last refresh showed was read before some change that was heard (a count shared
     * with other views): refresh once more on a poll after the interval, even if nothing else is
     * heard.
     */
    public void behind(long since) {
        this.since = since;
        pending.set(true);
        changed();
    }

    /** The view refreshed for its own reasons (a new query, an action): that shows every change so far. */
    public void refreshed() {
        pending.set(false);
        debounce.refreshed();
    }

    /** Stops listening and polling for good. */
    public void remove() {
        listening.remove();
        onAttach.remove();
        onDetach.remove();
        owner.getUI().ifPresent(this::stopPolling);
    }

    private void changed() {
        debounce.changed();
        owner.getUI().ifPresent(ui -> ui.setPollInterval((int) RefreshDebounce.INTERVAL.toMillis()));
    }

    private void poll(UI ui) {
        pending.set(false);
        if (polling != null) {
            polling.remove();
        }
        polling = ui.addPollListener(e -> {
            if (debounce.due()) {
                pending.set(false);
                listener.refresh(since);
            }
            if (!debounce.pending()) {
                ui.setPollInterval(-1);
            }
        });
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        ui.setPollInterval(-1);
        pending.set(false);
    }
}
