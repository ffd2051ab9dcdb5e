/** Texts in zh-CN and en by stable code, shared by the REST API and the UI. */
package io.kefu.platform.i18n;
