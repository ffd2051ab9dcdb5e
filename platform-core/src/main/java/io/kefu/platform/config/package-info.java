/** The installation's settings from system properties and environment variables. */
package io.kefu.platform.config;
