package io.kefu.ui.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.shared.Registration;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.ticket.TicketChanged;
import io.kefu.platform.ticket.TimelineEntriesWritten;

/**
 * Tells open views of a tenant that one of its tickets changed. A view subscribes with the
 * component that shows the ticket data; it hears updates while that component is attached, on
 * its own UI thread ({@link UI#access}), with its user's tenant and caller bound so it can read
 * through the platform's services as in a request.
 */
@ApplicationScoped
public class TicketFeed {

    /** Subscribers per tenant: publishing never even looks at another tenant's views. */
    private final Map<TenantCode, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /** Per tenant, how many changes this node has heard of (its own and the cluster's). */
    private final Map<TenantCode, AtomicLong> generations = new ConcurrentHashMap<>();

    @Inject
    TenantContext tenants;

    @Inject
    CallerContext callers;

    @Resource
    ManagedExecutorService executor;

    /**
     * A feed outside a container (view tests): delivers on the publishing thread, to this JVM only.
     */
    public static TicketFeed direct(TenantContext tenants, CallerContext callers) {
        TicketFeed feed = new TicketFeed();
        feed.tenants = tenants;
        feed.callers = callers;
        return feed;
    }

    /**
     * Listens while {@code owner} is attached (re-subscribing when it is attached again); the
     * returned registration ends it for good.
     */
    public Registration subscribe(Component owner, Caller.TenantUser user, SerializableConsumer<TicketUpdate> listener) {
        return subscribe(owner, user, update -> true, listener);
    }

    /**
     * As {@link #subscribe(Component, Caller.TenantUser, SerializableConsumer)}, hearing only the
     * updates {@code interest} accepts. The interest is asked on the delivering thread, without
     * the UI's lock, so it may read only what is safe there (the update, immutable or volatile
     * state): every update taken costs a turn on the UI's lock and a push to its browser, and a
     * busy tenant makes hundreds a second that most open views have no use for.
     */
    public Registration subscribe(Component owner, Caller.TenantUser user, SerializablePredicate<TicketUpdate> interest,
                                  SerializableConsumer<TicketUpdate> listener) {
        Subscriber subscriber = new Subscriber(owner, user, interest, listener);
        Registration onAttach = owner.addAttachListener(e -> add(subscriber));
        Registration onDetach = owner.addDetachListener(e -> remove(subscriber));
        if (owner.isAttached()) {
            add(subscriber);
        }
        return () -> {
            onAttach.remove();
            onDetach.remove();
            remove(subscriber);
        };
    }

    @Inject
    TicketBroadcast broadcast;

    /**
     * After the change committed (a rolled-back change is never shown): to this node's views at
     * once, and to the other nodes' through the cluster (which do not send it back here).
     */
    void onTicketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged changed) {
        tenants.current().ifPresent(tenant -> announce(new TicketUpdate(tenant, changed.ticket().number(), changed.change().name(),
                callers.username("system"), changed.at(), changed.ticket().assignee(), changed.ticket().version(),
                new TicketUpdate.Moves(changed.assigneeBefore(), changed.teamBefore(), changed.ticket().teamId()))));
    }

    /** As {@link #onTicketChanged}, for timeline entries written without loading their tickets (the SLA sweep's). */
    void onTimelineEntriesWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimelineEntriesWritten written) {
        tenants.current().ifPresent(tenant -> written.tickets().forEach(t -> announce(new TicketUpdate(tenant, t.number(),
                TicketChanged.Change.SERVICE_STANDARD.name(), callers.username("system"), written.at(), t.assignee(), t.version(),
                new TicketUpdate.Moves(t.assignee(), t.teamId(), t.teamId())))));
    }

    private void announce(TicketUpdate update) {
        publish(update);
        if (broadcast != null) {
            broadcast.toOtherNodes(update);
        }
    }

    /**
     * Delivers to this node's views of the update's tenant (only), on another thread: the publishing
     * thread may hold its own Vaadin session's lock and be bound to its own caller, and must
     * neither lock another user's session nor lend it its identity.
     */
    public void publish(TicketUpdate update) {
        // Before anyone hears of it: what was read before this change is then known to be older.
        generations.computeIfAbsent(update.tenant(), t -> new AtomicLong()).incrementAndGet();
        Set<Subscriber> forTenant = subscribers.get(update.tenant());
        if (forTenant == null || forTenant.isEmpty()) {
            return;
        }
        Runnable delivery = () -> forTenant.forEach(s -> s.deliver(update));
        if (executor != null) {
            executor.execute(delivery);
        } else {
            // Outside a container (view tests): deliver now.
            delivery.run();
        }
    }

    /**
     * How many changes of {@code tenant}'s tickets this node has heard of: a number that grows
     * with each change once it committed (here or on another node), for caches of what the
     * tenant's tickets add up to. Anything read after this returned a value no newer than it
     * shows at least the changes it counts.
     */
    public long generation(TenantCode tenant) {
        AtomicLong g = generations.get(tenant);
        return g == null ? 0 : g.get();
    }

    /** How many views of the tenant listen on this node (for tests and metrics). */
    public int subscribers(TenantCode tenant) {
        Set<Subscriber> forTenant = subscribers.get(tenant);
        return forTenant == null ? 0 : forTenant.size();
    }

    private void add(Subscriber s) {
        subscribers.computeIfAbsent(s.user.tenant(), t -> ConcurrentHashMap.newKeySet()).add(s);
    }

    private void remove(Subscriber s) {
        subscribers.computeIfPresent(s.user.tenant(), (t, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    private final class Subscriber {
        final Component owner;
        final Caller.TenantUser user;
        final SerializablePredicate<TicketUpdate> interest;
        final SerializableConsumer<TicketUpdate> listener;

        Subscriber(Component owner, Caller.TenantUser user, SerializablePredicate<TicketUpdate> interest,
                   SerializableConsumer<TicketUpdate> listener) {
            this.owner = owner;
            this.user = user;
            this.interest = interest;
            this.listener = listener;
        }

        void deliver(TicketUpdate update) {
            if (!interest.test(update)) {
                return;
            }
            owner.getUI().ifPresent(ui -> ui.access(() -> {
                // UI.access runs outside any HTTP request: bind what RequestContextFilter binds there.
                try (TenantContext.Binding t = tenants.bind(user.tenant());
                     CallerContext.Binding c = callers.actAs(user)) {
                    listener.accept(update);
                }
            }));
        }
    }
}
