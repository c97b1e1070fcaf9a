package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.application.Application;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseStream;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.render.RenderKit;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.model.file.UploadedFile;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** p:fileUpload hands every uploaded file to the page's listener, whatever it is called. */
class PortalFileUploadTest {

  /**
   * PrimeFaces' own component refuses these names in {@code validateFilename}, before the listener
   * runs (here, with a context that cannot build its message, it fails on the way); the portal's
   * keeps the component valid and adds no message, so the upload event is queued.
   */
  @ParameterizedTest
  @ValueSource(strings = {"report%20final.pdf", "增长50%ab.pdf", "报价\"终版\".pdf", "scan: page 1.png"})
  void aFileNamedWithPercentEscapesOrOddCharactersReachesTheListener(String name) {
    try (BareFacesContext context = new BareFacesContext()) {
      List<Boolean> validity = new ArrayList<>();
      PortalFileUpload upload =
          new PortalFileUpload() {
            @Override
            public void setValid(boolean valid) {
              validity.add(valid); // the state behind isValid() needs a Faces implementation
            }
          };
      assertDoesNotThrow(() -> upload.validateFilename(context, uploaded(name)));
      assertEquals(List.of(), validity, "never marked invalid: " + name);
      assertEquals(List.of(), context.messages, name);
    }
  }

  @Test
  void facesConfigMakesEveryFileUploadThePortals() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setNamespaceAware(true);
    var config =
        factory
            .newDocumentBuilder()
            .parse(Path.of("src/main/webapp/WEB-INF/faces-config.xml").toFile());
    Map<String, String> components = new HashMap<>();
    NodeList nodes = config.getElementsByTagNameNS("*", "component");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element component = (Element) nodes.item(i);
      components.put(text(component, "component-type"), text(component, "component-class"));
    }
    assertEquals(PortalFileUpload.class.getName(), components.get(FileUpload.COMPONENT_TYPE));
    assertTrue(FileUpload.class.isAssignableFrom(PortalFileUpload.class));
  }

  private static String text(Element parent, String child) {
    return parent.getElementsByTagNameNS("*", child).item(0).getTextContent().strip();
  }

  /**
   * The current FacesContext of a component made outside a request: components ask for one when
   * they are constructed; everything else is absent.
   */
  private static final class BareFacesContext extends FacesContext implements AutoCloseable {
    final List<FacesMessage> messages = new ArrayList<>();

    BareFacesContext() {
      setCurrentInstance(this);
    }

    @Override
    public void close() {
      release();
    }

    @Override
    public void release() {
      setCurrentInstance(null);
    }

    @Override
    public void addMessage(String clientId, FacesMessage message) {
      messages.add(message);
    }

    @Override
    public Application getApplication() {
      return null;
    }

    @Override
    public Iterator<String> getClientIdsWithMessages() {
      return Collections.emptyIterator();
    }

    @Override
    public Lifecycle getLifecycle() {
      return null;
    }

    @Override
    public ExternalContext getExternalContext() {
      return null;
    }

    @Override
    public FacesMessage.Severity getMaximumSeverity() {
      return null;
    }

    @Override
    public Iterator<FacesMessage> getMessages() {
      return messages.iterator();
    }

    @Override
    public Iterator<FacesMessage> getMessages(String clientId) {
      return messages.iterator();
    }

    @Override
    public RenderKit getRenderKit() {
      return null;
    }

    @Override
    public boolean getRenderResponse() {
      return false;
    }

    @Override
    public boolean getResponseComplete() {
      return false;
    }

    @Override
    public ResponseStream getResponseStream() {
      return null;
    }

    @Override
    public void setResponseStream(ResponseStream responseStream) {}

    @Override
    public ResponseWriter getResponseWriter() {
      return null;
    }

    @Override
    public void setResponseWriter(ResponseWriter responseWriter) {}

    @Override
    public UIViewRoot getViewRoot() {
      return null;
    }

    @Override
    public void setViewRoot(UIViewRoot root) {}

    @Override
    public void renderResponse() {}

    @Override
    public void responseComplete() {}
  }

  private static UploadedFile uploaded(String fileName) {
    return (UploadedFile)
        Proxy.newProxyInstance(
            UploadedFile.class.getClassLoader(),
            new Class<?>[] {UploadedFile.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFileName")) {
                return fileName;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
