/**
 * The UI's languages: Simplified Chinese and English.
 * <ul>
 * <li>{@link io.kefu.ui.i18n.KefuI18NProvider} serves the UI's texts from the {@code ui_*}
 *     bundles next to it and hands unknown keys to the platform's
 *     {@link io.kefu.platform.i18n.Messages}, so error codes read the same as in the API;</li>
 * <li>{@link io.kefu.ui.i18n.UiLocales} and {@link io.kefu.ui.i18n.LabelKeys} are plain rules
 *     (which language for a tag, a cookie or a browser; which key for a role or an industry);</li>
 * <li>{@link io.kefu.ui.i18n.UiLanguage} applies and remembers a language,
 *     {@link io.kefu.ui.i18n.LocaleInitializer} picks it for each new UI, and
 *     {@link io.kefu.ui.i18n.LanguageSelect} lets the user switch.</li>
 * </ul>
 * May depend on the platform's {@code i18n}, {@code identity} and {@code tenant} types; views
 * depend on this package, never the other way round.
 */
package io.kefu.ui.i18n;
