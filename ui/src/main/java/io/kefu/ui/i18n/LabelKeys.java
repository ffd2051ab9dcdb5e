package io.kefu.ui.i18n;

import java.util.Locale;

import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;

/** The bundle keys of the platform's enums as the UI shows them. */
public final class LabelKeys {

    private LabelKeys() {
    }

    /** {@code role.tenant-admin}, {@code role.supervisor}, {@code role.agent}. */
    public static String role(Role role) {
        return "role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code industry.express}, {@code industry.hotel}, ... (the industry's API id). */
    public static String industry(Industry industry) {
        return "industry." + industry.id();
    }
}
