/**
 * The agent workspace's shell around every view: the global search, the notifications bell,
 * the user menu (language, light or dark theme, logging out), keyboard shortcuts with their
 * help, and the notices of changes to the user's own tickets. {@link io.kefu.ui.layout.MainLayout}
 * puts them together; views use {@link io.kefu.ui.shell.Shortcuts} to add their own shortcuts.
 * May depend on the platform's services and {@code io.kefu.ui.live}; no view depends on more
 * than {@code Shortcuts} here.
 */
package io.kefu.ui.shell;
