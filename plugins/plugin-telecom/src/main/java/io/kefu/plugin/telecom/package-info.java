/** The Telecommunications (电信运营) industry plugin: a descriptor; its content is in {@code kefu-plugin/telecom/}. */
package io.kefu.plugin.telecom;
