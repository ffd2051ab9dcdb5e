package io.kefu.plugin.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this API, {@code major.minor}, and the rule the host applies when it loads a
 * plugin: a plugin requiring {@code M.n} loads on a platform offering {@code M.m} with
 * {@code m >= n}. Another major, or a higher minor, is refused with a clear reason and the
 * platform runs on without that plugin.
 */
@Stable
public final class PluginApi {

    /** The version this platform offers. Minor: additions only. Major: something was removed or changed. */
    public static final String VERSION = "1.0";

    private static final Pattern FORM = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");

    private PluginApi() {
    }

    /** Why a plugin requiring {@code required} cannot run on this API, or empty when it can. */
    public static Optional<String> incompatibility(String required) {
        return incompatibility(required, VERSION);
    }

    /** As {@link #incompatibility(String)}, against any offered version (for tests and tools). */
    public static Optional<String> incompatibility(String required, String offered) {
        if (required == null) {
            return Optional.of("the plugin names no required API version");
        }
        Matcher r = FORM.matcher(required.strip());
        Matcher o = FORM.matcher(offered);
        if (!r.matches()) {
            return Optional.of("required API version '" + required + "' is not of the form major.minor");
        }
        if (!o.matches()) {
            throw new IllegalArgumentException("offered API version '" + offered + "' is not of the form major.minor");
        }
        int rMajor = Integer.parseInt(r.group(1));
        int rMinor = Integer.parseInt(r.group(2));
        int oMajor = Integer.parseInt(o.group(1));
        int oMinor = Integer.parseInt(o.group(2));
        if (rMajor != oMajor) {
            return Optional.of("the plugin needs plugin API " + required.strip() + " but this platform offers " + offered
                    + " (another major version)");
        }
        if (rMinor > oMinor) {
            return Optional.of("the plugin needs plugin API " + required.strip() + " but this platform offers only " + offered
                    + " (upgrade the platform)");
        }
        return Optional.empty();
    }
}
