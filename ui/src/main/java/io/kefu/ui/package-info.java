/**
 * Kefu's Vaadin Flow UI (CDI, no Spring): the app shell and one package per feature.
 * <ul>
 * <li>{@code i18n}: the UI's texts in zh-CN and en, the language switch and the initial language;</li>
 * <li>{@code session}: who is logged in, read from the HTTP session in one place;</li>
 * <li>{@code login}, {@code layout}, {@code home}: the views.</li>
 * </ul>
 * Views stay thin and receive their services by constructor injection; rules that need no
 * Vaadin live in plain classes. Styling uses Lumo utility classes, theme variants and inline
 * styles only: there is no custom front-end build (no {@code @CssImport}, {@code @JsModule},
 * {@code @NpmPackage} or theme folder).
 */
package io.kefu.ui;
