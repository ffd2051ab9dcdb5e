package com.example.kefu.returns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.KpiComputation;
import io.kefu.plugin.api.KpiContext;
import io.kefu.plugin.api.KpiValue;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;
import io.kefu.plugin.api.ValidationProblem;

/**
 * Acme's returns plugin: return categories and KPIs (documents under
 * {@code kefu-plugin/acme-returns/}), a check of Acme order numbers, and a side panel with the
 * order's return window. Built against the Kefu plugin API only.
 */
public class ReturnsPlugin implements KefuPlugin {

    /** Acme order numbers: {@code AC-} and eight digits. */
    static final Pattern ORDER_NO = Pattern.compile("AC-[0-9]{8}");
    /** Acme accepts returns for seven days. */
    static final Duration RETURN_WINDOW = Duration.ofDays(7);

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("acme-returns", "1.0.0", Label.of("Acme 退货", "Acme returns"));
    }

    @Override
    public TicketHooks hooks() {
        return new TicketHooks() {
            @Override
            public List<ValidationProblem> validate(HookContext context, TicketView ticket) {
                Optional<String> order = ticket.field("orderNo");
                if (order.isPresent() && !ORDER_NO.matcher(order.get()).matches()) {
                    return List.of(new ValidationProblem("fields.orderNo",
                            Label.of("Acme 订单号为 AC- 加 8 位数字", "An Acme order number is AC- and eight digits")));
                }
                return List.of();
            }

            @Override
            public Optional<SidePanel> sidePanel(HookContext context, TicketView ticket) {
                return ticket.field("orderNo").map(order -> new SidePanel(Label.of("Acme 订单", "Acme order"), List.of(
                        new SidePanel.Fact(Label.of("订单号", "Order"), order, null),
                        new SidePanel.Fact(Label.of("退货截止", "Returns accepted until"),
                                ticket.createdAt().plus(RETURN_WINDOW).toString(), ticket.createdAt().plus(RETURN_WINDOW)))));
            }
        };
    }

    @Override
    public List<KpiComputation> kpiComputations() {
        // Returns resolved within the window: a rule the generic formulas cannot express.
        return List.of(new KpiComputation() {
            @Override
            public String code() {
                return "acme.returns-in-window";
            }

            @Override
            public KpiValue compute(KpiContext context, List<TicketView> tickets) {
                List<TicketView> returns = tickets.stream()
                        .filter(t -> t.category().filter(c -> c.startsWith("acme.returns")).isPresent()).toList();
                if (returns.isEmpty()) {
                    return KpiValue.none(0, "no return tickets in the period");
                }
                long inWindow = returns.stream().filter(t -> t.resolvedAt()
                        .filter(at -> !at.isAfter(t.createdAt().plus(RETURN_WINDOW))).isPresent()).count();
                return KpiValue.of(100.0 * inWindow / returns.size(), returns.size());
            }
        });
    }
}
