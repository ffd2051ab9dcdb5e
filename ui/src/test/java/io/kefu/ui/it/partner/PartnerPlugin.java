package io.kefu.ui.it.partner;

import java.util.List;
import java.util.Optional;

import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;
import io.kefu.plugin.api.ValidationProblem;

/**
 * A partner plugin for the integration tests, compiled against the plugin API only and put in
 * the server's plugins folder as its own JAR (never in the WAR). Its hooks misbehave on demand,
 * by the ticket's subject: {@code [explode]} throws, {@code [hang]} blocks for 20 s.
 */
public class PartnerPlugin implements KefuPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("it-partner", "1.0.0", Label.of("测试伙伴插件", "IT partner plugin"));
    }

    @Override
    public TicketHooks hooks() {
        return new TicketHooks() {
            @Override
            public List<ValidationProblem> validate(HookContext context, TicketView ticket) {
                if ("INVALID".equals(ticket.fields().get("partnerRef"))) {
                    return List.of(new ValidationProblem("fields.partnerRef", Label.of("伙伴单号无效", "Unknown partner reference")));
                }
                return List.of();
            }

            @Override
            public void onCreate(HookContext context, TicketView ticket) {
                if (ticket.subject().contains("[explode]")) {
                    throw new IllegalStateException("partner system down");
                }
                if (ticket.subject().contains("[hang]")) {
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public Optional<SidePanel> sidePanel(HookContext context, TicketView ticket) {
                boolean platformVisible;
                try {
                    Class.forName("io.kefu.platform.tenant.TenantCode", false, PartnerPlugin.class.getClassLoader());
                    platformVisible = true;
                } catch (ClassNotFoundException e) {
                    platformVisible = false;
                }
                return Optional.of(new SidePanel(Label.of("伙伴信息", "Partner facts"), List.of(
                        new SidePanel.Fact(Label.of("租户", "Tenant"), context.tenantCode(), null),
                        new SidePanel.Fact(Label.of("可见平台类", "Sees platform classes"), Boolean.toString(platformVisible), null))));
            }
        };
    }
}
