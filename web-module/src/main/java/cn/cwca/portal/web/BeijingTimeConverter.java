package cn.cwca.portal.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Shows a time the services store in UTC ({@link LocalDateTime} without zone, see the entities) as
 * Beijing time, e.g. {@code 2025-03-01 16:30}. Output only: {@code <h:outputText
 * value="#{n.publishedAt}"><f:converter converterId="beijingTime"/></h:outputText>}.
 */
@FacesConverter(BeijingTimeConverter.ID)
public class BeijingTimeConverter implements Converter<LocalDateTime> {

  /** Converter id for {@code <f:converter converterId=...>}. */
  public static final String ID = "beijingTime";

  /** China Standard Time, the zone of every user of the portal. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Override
  public LocalDateTime getAsObject(FacesContext context, UIComponent component, String value) {
    throw new UnsupportedOperationException("Times are shown, never entered");
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, LocalDateTime value) {
    return format(value);
  }

  /** The UTC time as Beijing time, empty for {@code null}. */
  public static String format(LocalDateTime utc) {
    if (utc == null) {
      return "";
    }
    return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).format(FORMAT);
  }
}
