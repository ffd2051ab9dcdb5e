package io.kefu.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * May change or go away in any minor version. A plugin using it must be rebuilt against each
 * new platform; the host logs a warning naming the plugin when it loads one that declares it
 * relies on experimental API ({@link PluginDescriptor#usesExperimentalApi()}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Experimental {
    /** Why it is not stable yet, or what may change. */
    String value() default "";
}
