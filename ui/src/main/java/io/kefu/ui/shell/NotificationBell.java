package io.kefu.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Caller;
import io.kefu.ui.session.Recent;

/**
 * The bell in the header: how many of the user's notifications are unread, and on a click the
 * latest of them; choosing one opens its ticket and marks it read. Only a count is kept
 * between clicks (the list is read when it is opened and dropped when it closes).
 */
public class NotificationBell extends Composite<HorizontalLayout> implements LocaleChangeObserver {

    /** More than this shows as "99+". */
    static final long MAX_SHOWN_COUNT = 99;

    private final Inbox inbox;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Popover popover = new Popover();
    private final Span heading = new Span();
    private final Button readAll = new Button();
    private final VerticalLayout list = new VerticalLayout();
    private Caller.TenantUser user;
    private long unread;

    public NotificationBell(Inbox inbox) {
        this.inbox = inbox;
        bell.setId("notifications");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        count.setId("notifications-count");
        count.getElement().getThemeList().add("badge error small pill");
        count.getStyle().set("margin-inline-start", "-0.9em").set("margin-top", "-1em");
        count.setVisible(false);

        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        readAll.setId("notifications-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        readAll.addClickListener(e -> {
            inbox.markAllRead(user);
            load();
        });
        HorizontalLayout top = new HorizontalLayout(heading, readAll);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        list.setId("notifications-list");
        list.setPadding(false);
        list.setSpacing(false);
        list.getStyle().set("max-height", "60vh").set("overflow-y", "auto");

        VerticalLayout panel = new VerticalLayout(top, list);
        panel.setPadding(false);
        panel.setWidth("22rem");
        panel.getStyle().set("max-width", "90vw");
        popover.setId("notifications-popover");
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setModal(false);
        popover.add(panel);
        popover.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                list.removeAll(); // nothing kept while closed
            }
        });
        // Read when the user asks, not before: the popover opens on the same click.
        bell.addClickListener(e -> load());

        HorizontalLayout root = getContent();
        root.setSpacing(false);
        root.setAlignItems(FlexComponent.Alignment.CENTER);
        root.add(bell, count, popover);
    }

    /**
     * Whose notifications; counts them (again only if the count is older than {@link #RECOUNT}:
     * the layout calls this on every navigation, and the live feed keeps the count current).
     */
    public void show(Caller.TenantUser user) {
        if (!user.equals(this.user)) {
            counted.forget();
        }
        this.user = user;
        showCount();
    }

    /** Reads the unread count again (when the live feed says a warning or breach fired, or the list is opened). */
    public void refreshCount() {
        counted.forget();
        showCount();
    }

    private void showCount() {
        if (user == null) {
            return;
        }
        Caller.TenantUser whose = user;
        unread = counted.get(() -> inbox.unread(whose));
        count.setVisible(unread > 0);
        count.setText(unread > MAX_SHOWN_COUNT ? MAX_SHOWN_COUNT + "+" : String.valueOf(unread));
        relabel();
    }

    /**
     * How old a count may be when the user navigates: notifications are marked read here (which
     * recounts) or, rarely, through the API from elsewhere.
     */
    static final Duration RECOUNT = Duration.ofSeconds(30);

    private final Recent<Long> counted = new Recent<>(RECOUNT);

    public long unread() {
        return unread;
    }

    private void load() {
        if (user == null) {
            return;
        }
        refreshCount();
        list.removeAll();
        List<InboxItem> items = inbox.latest(user);
        readAll.setVisible(unread > 0);
        if (items.isEmpty()) {
            Span none = new Span(getTranslation("shell.notifications.none"));
            none.setId("notifications-none");
            none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Padding.Vertical.SMALL);
            list.add(none);
            return;
        }
        Instant now = Instant.now();
        for (InboxItem item : items) {
            list.add(row(item, now));
        }
    }

    private Div row(InboxItem item, Instant now) {
        Span what = new Span(getTranslation(textKey(item.kind()), item.ticketNumber(), targetLabel(item.target())));
        what.addClassNames(item.read() ? LumoUtility.FontWeight.NORMAL : LumoUtility.FontWeight.SEMIBOLD);
        Span subject = new Span(item.subject() == null ? "" : item.subject());
        subject.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Overflow.HIDDEN,
                LumoUtility.TextOverflow.ELLIPSIS, LumoUtility.Whitespace.NOWRAP);
        Span when = new Span(ago(item.createdAt(), now));
        when.addClassNames(LumoUtility.TextColor.TERTIARY, LumoUtility.FontSize.XSMALL);
        Div row = new Div(what, subject, when);
        row.setId("notification-" + item.id());
        // Full width with its padding inside it: a content-box row was its padding wider than the
        // list, which then scrolled sideways.
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM, LumoUtility.Width.FULL, LumoUtility.BoxSizing.BORDER);
        if (!item.read()) {
            row.addClassNames(LumoUtility.Background.PRIMARY_10);
        }
        row.getStyle().set("cursor", "pointer");
        row.getElement().setAttribute("role", "link");
        row.getElement().setAttribute("tabindex", "0");
        row.addClickListener(e -> open(item));
        return row;
    }

    private void open(InboxItem item) {
        if (!item.read()) {
            inbox.markRead(user, item.id());
        }
        popover.close();
        refreshCount();
        if (item.ticketNumber() != null) {
            getUI().ifPresent(ui -> ui.navigate("tickets/" + item.ticketNumber()));
        }
    }

    static String textKey(String kind) {
        return switch (kind) {
            case "sla.warning" -> "shell.notification.sla-warning";
            case "sla.breach" -> "shell.notification.sla-breach";
            default -> "shell.notification.other";
        };
    }

    private String targetLabel(String target) {
        return target == null ? "" : getTranslation("shell.target." + target);
    }

    private String ago(Instant at, Instant now) {
        long minutes = Math.max(0, Duration.between(at, now).toMinutes());
        if (minutes < 1) {
            return getTranslation("shell.ago.now");
        }
        if (minutes < 60) {
            return getTranslation("shell.ago.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return getTranslation("shell.ago.hours", minutes / 60);
        }
        return getTranslation("shell.ago.days", minutes / (24 * 60));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        heading.setText(getTranslation("shell.notifications.title"));
        readAll.setText(getTranslation("shell.notifications.read-all"));
    }

    private void relabel() {
        String label = unread == 0 ? getTranslation("shell.notifications.title")
                : getTranslation("shell.notifications.unread", unread);
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }
}
