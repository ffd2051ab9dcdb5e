/** The Property management (物业服务) industry plugin: a descriptor; its content is in {@code kefu-plugin/property/}. */
package io.kefu.plugin.property;
