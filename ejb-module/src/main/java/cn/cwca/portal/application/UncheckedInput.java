package cn.cwca.portal.application;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the applicant has typed or chosen on a step of the wizard and not yet saved with 立即申请 or
 * 下一步: the raw text of each {@link InputField}, not checked (a half-typed mobile number is kept as
 * it is), so that a reload, a session timeout or a crash loses nothing. Kept in the draft as a JSON
 * object of field names to texts; each text is cut at {@value #MAX_LENGTH} characters (the forms'
 * fields are shorter), names that are no field are dropped. Immutable.
 */
public final class UncheckedInput implements Serializable {

  /** The longest text kept of one field. */
  public static final int MAX_LENGTH = 500;

  private static final long serialVersionUID = 1L;

  private static final UncheckedInput NONE = new UncheckedInput(new EnumMap<>(InputField.class));

  private final EnumMap<InputField, String> values;

  private UncheckedInput(EnumMap<InputField, String> values) {
    this.values = values;
  }

  /** No input. */
  public static UncheckedInput none() {
    return NONE;
  }

  /** The texts given ({@code null} texts count as empty ones). */
  public static UncheckedInput of(Map<InputField, String> texts) {
    EnumMap<InputField, String> values = new EnumMap<>(InputField.class);
    texts.forEach((field, text) -> values.put(field, cut(text)));
    return new UncheckedInput(values);
  }

  /**
   * The input of a JSON object of field names to texts (numbers and booleans are taken as their
   * text, other values and unknown names are dropped); none for {@code null} or blank.
   *
   * @throws IllegalArgumentException when the text is no JSON object
   */
  public static UncheckedInput fromJson(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    JsonObject object;
    try (var reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a JSON object of field texts", e);
    }
    EnumMap<InputField, String> values = new EnumMap<>(InputField.class);
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      field(entry.getKey())
          .ifPresent(field -> text(entry.getValue()).ifPresent(t -> values.put(field, cut(t))));
    }
    return new UncheckedInput(values);
  }

  /** The JSON object of {@link #fromJson}; {@code null} when there is no input. */
  public String toJson() {
    if (values.isEmpty()) {
      return null;
    }
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach((field, text) -> object.add(field.name(), text));
    return object.build().toString();
  }

  /** This input with the fields of {@code step} replaced by those of {@code snapshot}'s. */
  public UncheckedInput replacing(WizardStep step, UncheckedInput snapshot) {
    EnumMap<InputField, String> merged = new EnumMap<>(InputField.class);
    values.forEach(
        (field, text) -> {
          if (field.step() != step) {
            merged.put(field, text);
          }
        });
    snapshot.values.forEach(
        (field, text) -> {
          if (field.step() == step) {
            merged.put(field, text);
          }
        });
    return new UncheckedInput(merged);
  }

  /** This input without the fields of {@code step} (once the step is saved). */
  public UncheckedInput without(WizardStep step) {
    return replacing(step, NONE);
  }

  /**
   * Whether the applicant left input in the field (an empty text counts: the field was cleared).
   */
  public boolean has(InputField field) {
    return values.containsKey(field);
  }

  /** The text of the field, empty when there is none. */
  public String text(InputField field) {
    return values.getOrDefault(field, "");
  }

  /** The field's text as a constant of {@code type}; {@code null} when it names none. */
  public <E extends Enum<E>> E choice(InputField field, Class<E> type) {
    try {
      return Enum.valueOf(type, text(field).strip());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** The field's text as 是 ({@code true}) or 否 ({@code false}); {@code null} otherwise. */
  public Boolean yesOrNo(InputField field) {
    return switch (text(field).strip()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The field's text as a whole number; {@code null} otherwise. */
  public Integer number(InputField field) {
    try {
      return Integer.valueOf(text(field).strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The texts, unmodifiable. */
  public Map<InputField, String> texts() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UncheckedInput other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "UncheckedInput" + values.keySet();
  }

  private static Optional<InputField> field(String name) {
    try {
      return Optional.of(InputField.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> Optional.of(((JsonString) value).getString());
      case NUMBER, TRUE, FALSE -> Optional.of(value.toString());
      case NULL -> Optional.of("");
      default -> Optional.empty();
    };
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    return text.substring(0, end);
  }
}
