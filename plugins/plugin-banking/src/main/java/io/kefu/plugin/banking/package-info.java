/** The Banking (银行金融) industry plugin: a descriptor; its content is in {@code kefu-plugin/banking/}. */
package io.kefu.plugin.banking;
