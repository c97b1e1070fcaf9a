package cn.cwca.portal.document.forms;

import cn.cwca.portal.catalogue.DocumentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blank templates {@link FormRenderer} draws, rendered once each: they never change while the
 * application runs.
 */
public final class BuiltInTemplates {

  private static final Map<DocumentType, byte[]> TEMPLATES = new ConcurrentHashMap<>();

  private static final FormRenderer RENDERER = new FormRenderer();

  private BuiltInTemplates() {}

  /**
   * The built-in blank template of a document (a copy).
   *
   * @throws IllegalArgumentException for a document without template ({@link
   *     DocumentType#hasTemplate()})
   */
  public static byte[] of(DocumentType type) {
    if (type == null || !type.hasTemplate()) {
      throw new IllegalArgumentException("no template for " + type);
    }
    return TEMPLATES.computeIfAbsent(type, RENDERER::template).clone();
  }
}
