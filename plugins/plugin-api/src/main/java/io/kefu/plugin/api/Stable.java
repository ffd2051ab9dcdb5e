package io.kefu.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Part of the API that only changes compatibly within a major version: members may be added
 * (as {@code default} methods), none removed or changed. Removing one needs a new major
 * {@link PluginApi#VERSION}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE, ElementType.FIELD})
public @interface Stable {
}
