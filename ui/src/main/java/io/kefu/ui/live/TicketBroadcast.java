package io.kefu.ui.live;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.tenant.TenantCode;

/**
 * Carries ticket updates between the nodes of a cluster, over a topic of Payara's data grid, so
 * that a view open on node B hears a change committed on node A. Each node delivers its own
 * changes itself (at once, even if the grid is slow) and ignores its own messages on the topic,
 * so every view hears each change once. Without a data grid ({@code --nocluster}, tests) it
 * does nothing and the feed stays local.
 *
 * <p>Messages are JSON text, not serialized objects: the grid's threads need no class of this
 * application to read them, and a malformed or foreign message is dropped, never delivered to
 * some tenant's views (the tenant code is validated as any other).
 */
@ApplicationScoped
public class TicketBroadcast {

    /** The topic's name, one per installation (a cluster is one installation). */
    static final String TOPIC = "kefu.ticket-updates";

    private static final Logger LOG = Logger.getLogger(TicketBroadcast.class.getName());

    @Inject
    Instance<HazelcastInstance> grid;

    @Inject
    TicketFeed feed;

    @Resource
    ContextService contexts;

    private volatile ITopic<String> topic;
    private volatile UUID listener;

    /** Joins the topic when the application starts, if there is a running data grid. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HazelcastInstance hazelcast = runningGrid();
        if (hazelcast == null) {
            LOG.info("No data grid: ticket updates reach this node's views only");
            return;
        }
        ITopic<String> t = hazelcast.getTopic(TOPIC);
        MessageListener<String> relay = this::fromAnotherNode;
        // The grid calls back on its own threads: give them this application's context (class loader, naming).
        @SuppressWarnings("unchecked")
        MessageListener<String> contextual = contexts == null ? relay : contexts.createContextualProxy(relay, MessageListener.class);
        listener = t.addMessageListener(contextual);
        topic = t;
        LOG.info(() -> "Ticket updates travel between nodes on the data grid's topic " + TOPIC);
    }

    @PreDestroy
    void stop() {
        ITopic<String> t = topic;
        UUID id = listener;
        topic = null;
        if (t != null && id != null) {
            try {
                t.removeMessageListener(id);
            } catch (RuntimeException gridGone) {
                LOG.log(Level.FINE, "data grid already stopped", gridGone);
            }
        }
    }

    /** Whether updates travel between nodes here. */
    public boolean clustered() {
        return topic != null;
    }

    /** Tells the other nodes; a failing grid costs them this update, never this node's views or the change. */
    void toOtherNodes(TicketUpdate update) {
        ITopic<String> t = topic;
        if (t == null) {
            return;
        }
        try {
            t.publish(encode(update));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not share a ticket update with the other nodes", e);
        }
    }

    void fromAnotherNode(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return; // delivered on this node when it was committed
        }
        TicketUpdate update;
        try {
            update = decode(message.getMessageObject());
        } catch (RuntimeException malformed) {
            LOG.log(Level.WARNING, "Dropped a malformed ticket update from the data grid", malformed);
            return;
        }
        feed.publish(update);
    }

    private HazelcastInstance runningGrid() {
        try {
            if (grid == null || !grid.isResolvable()) {
                return null;
            }
            HazelcastInstance h = grid.get();
            return h != null && h.getLifecycleService().isRunning() ? h : null;
        } catch (RuntimeException disabled) {
            // Payara's producer refuses when its data grid is switched off.
            LOG.log(Level.FINE, "data grid not available", disabled);
            return null;
        }
    }

    static String encode(TicketUpdate u) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("tenant", u.tenant().value()).add("number", u.number())
                .add("change", u.change()).add("by", u.by()).add("at", u.at().toString());
        if (u.assignee() != null) {
            b.add("assignee", u.assignee());
        }
        if (u.version() != null) {
            b.add("version", u.version());
        }
        if (u.moves() != null) {
            JsonObjectBuilder m = Jsons.createObjectBuilder();
            if (u.moves().assigneeBefore() != null) {
                m.add("assigneeBefore", u.moves().assigneeBefore());
            }
            if (u.moves().teamBefore() != null) {
                m.add("teamBefore", u.moves().teamBefore());
            }
            if (u.moves().team() != null) {
                m.add("team", u.moves().team());
            }
            b.add("moves", m);
        }
        return b.build().toString();
    }

    static TicketUpdate decode(String text) {
        JsonObject o = Jsons.createReader(new StringReader(text)).readObject();
        return new TicketUpdate(new TenantCode(o.getString("tenant")), o.getString("number"), o.getString("change"),
                o.getString("by"), Instant.parse(o.getString("at")), o.getString("assignee", null),
                o.get("version") instanceof JsonNumber v ? v.longValue() : null,
                o.get("moves") instanceof JsonObject m ? new TicketUpdate.Moves(m.getString("assigneeBefore", null),
                        m.getString("teamBefore", null), m.getString("team", null)) : null);
    }
}
