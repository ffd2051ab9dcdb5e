package io.kefu.ui.ticket;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Member;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;

/**
 * Asks for what a move requires before making it: the assignee to assign (optional when the
 * ticket's team may choose), a reason to wait on the customer, cancel or reopen, a resolution to
 * resolve. The move itself is the view's ({@code submit}); the errors it answers land on the
 * input they concern and the dialog stays open with everything typed.
 */
class TransitionDialog extends Dialog {

    private final TicketStatus to;
    private final ComboBox<Member> assignee = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final Paragraph error = new Paragraph();

    /**
     * @param submit makes the move; answers the errors to show (empty: done, the dialog closes)
     */
    TransitionDialog(TicketStatus to, boolean teamMayChoose, List<Member> members, Function<TransitionRequest, List<FieldError>> submit) {
        this.to = to;
        setId("transition-dialog");
        setHeaderTitle(getTranslation("ticket.action." + to.name()));
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.setMinWidth("min(28rem, 80vw)");
        error.setId("transition-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);
        if (to == TicketStatus.ASSIGNED) {
            assignee.setId("transition-assignee");
            assignee.setLabel(getTranslation("ticket.transition.assignee"));
            assignee.setItems(members);
            assignee.setItemLabelGenerator(m -> m.displayName() + " (" + m.username() + ")");
            assignee.setRequired(!teamMayChoose);
            if (teamMayChoose) {
                assignee.setHelperText(getTranslation("ticket.transition.assignee.team-chooses"));
            }
            assignee.setWidthFull();
            body.add(assignee);
        } else {
            text.setId("transition-input");
            text.setLabel(getTranslation(to == TicketStatus.RESOLVED ? "ticket.transition.resolution" : "ticket.transition.reason"));
            text.setRequired(true);
            text.setWidthFull();
            text.setMinHeight("6rem");
            body.add(text);
        }
        body.add(error);
        add(body);
        Button confirm = new Button(getTranslation("ticket.action." + to.name()), e -> {
            List<FieldError> errors = submit.apply(request());
            if (errors.isEmpty()) {
                close();
            } else {
                show(errors);
            }
        });
        confirm.setId("transition-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("ticket.cancel"), e -> close());
        cancel.setId("transition-cancel");
        getFooter().add(cancel, confirm);
    }

    /** Whether a move to this status asks for input first. */
    static boolean asksInput(TicketStatus to) {
        return switch (to) {
            case ASSIGNED, PENDING_CUSTOMER, CANCELLED, REOPENED, RESOLVED -> true;
            default -> false;
        };
    }

    TransitionRequest request() {
        TransitionRequest move = TransitionRequest.to(to);
        return switch (to) {
            case ASSIGNED -> move.withAssignee(assignee.getValue() == null ? null : assignee.getValue().username());
            case RESOLVED -> move.withResolution(text.getValue());
            default -> move.withReason(text.getValue());
        };
    }

    private void show(List<FieldError> errors) {
        StringBuilder others = new StringBuilder();
        for (FieldError e : errors) {
            String message = getTranslation(e.code(), e.args().toArray());
            switch (e.field()) {
                case "assignee" -> {
                    assignee.setErrorMessage(message);
                    assignee.setInvalid(true);
                }
                case "reason", "resolution" -> {
                    text.setErrorMessage(message);
                    text.setInvalid(true);
                }
                default -> others.append(others.isEmpty() ? "" : " ").append(message);
            }
        }
        error.setText(others.toString());
        error.setVisible(!others.isEmpty());
    }
}
