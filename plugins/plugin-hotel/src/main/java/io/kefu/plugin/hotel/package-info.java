/** The Hotels (酒店住宿) industry plugin: a descriptor; its content is in {@code kefu-plugin/hotel/}. */
package io.kefu.plugin.hotel;
