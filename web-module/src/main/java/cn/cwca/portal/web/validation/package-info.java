/**
 * Page validators that apply the services' own rules ({@link cn.cwca.portal.rules.FieldRule}) as
 * the user types, so that the page and the service refuse the same values with the same messages.
 */
package cn.cwca.portal.web.validation;
