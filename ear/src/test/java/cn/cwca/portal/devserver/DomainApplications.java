package cn.cwca.portal.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The applications a stopped domain would load when it starts. The run command and the test server
 * deploy the EAR themselves after configuring the resources it needs, so a domain they start must
 * load nothing: loading the previous deployment while the launcher configures the datasource and
 * deploys again races with it (a half-deployed application behind a "running" banner, and a SEVERE
 * "Invalid resource" in the log). A clean stop undeploys; after a SIGKILL or a power cut the
 * deployment is still registered, and {@link #forgetUserApplications} removes it from the stopped
 * domain's configuration.
 */
final class DomainApplications {

  private final Path domainDir;

  DomainApplications(Path domainDir) {
    this.domainDir = domainDir;
  }

  private Path domainXml() {
    return domainDir.resolve("config/domain.xml");
  }

  /** The names of the user applications registered in the domain's configuration. */
  List<String> userApplications() throws IOException {
    if (!Files.exists(domainXml())) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Element application : userApplicationElements(read())) {
      names.add(application.getAttribute("name"));
    }
    return names;
  }

  /**
   * Removes every user application, with its references from the servers and its unpacked files,
   * from the configuration of a domain that is not running. Payara's own applications (object-type
   * other than {@code user}) stay. Returns the names removed.
   */
  List<String> forgetUserApplications() throws IOException {
    if (!Files.exists(domainXml())) {
      return List.of();
    }
    Document doc = read();
    List<String> removed = new ArrayList<>();
    for (Element application : userApplicationElements(doc)) {
      String name = application.getAttribute("name");
      application.getParentNode().removeChild(application);
      NodeList refs = doc.getElementsByTagName("application-ref");
      for (int i = refs.getLength() - 1; i >= 0; i--) {
        Element ref = (Element) refs.item(i);
        if (name.equals(ref.getAttribute("ref"))) {
          ref.getParentNode().removeChild(ref);
        }
      }
      removed.add(name);
    }
    if (removed.isEmpty()) {
      return removed;
    }
    write(doc);
    for (String name : removed) {
      IntegrationServer.deleteTree(domainDir.resolve("applications").resolve(name));
      Path generated = domainDir.resolve("generated");
      if (Files.isDirectory(generated)) {
        try (var kinds = Files.list(generated)) {
          for (Path kind : kinds.toList()) {
            IntegrationServer.deleteTree(kind.resolve(name));
          }
        }
      }
    }
    return removed;
  }

  private static List<Element> userApplicationElements(Document doc) {
    List<Element> found = new ArrayList<>();
    NodeList applicationsLists = doc.getDocumentElement().getElementsByTagName("applications");
    for (int i = 0; i < applicationsLists.getLength(); i++) {
      Node applications = applicationsLists.item(i);
      if (applications.getParentNode() != doc.getDocumentElement()) {
        continue;
      }
      for (Node n = applications.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e
            && e.getTagName().equals("application")
            && "user".equals(e.getAttribute("object-type"))) {
          found.add(e);
        }
      }
    }
    return found;
  }

  private Document read() throws IOException {
    try (InputStream in = Files.newInputStream(domainXml())) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("Cannot read " + domainXml(), e);
    }
  }

  /** Writes next to the file and moves over it, so that a crash never leaves half a domain.xml. */
  private void write(Document doc) throws IOException {
    Path next = domainXml().resolveSibling("domain.xml.next");
    try (OutputStream out = Files.newOutputStream(next)) {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IOException("Cannot write " + next, e);
    }
    Files.move(
        next, domainXml(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
