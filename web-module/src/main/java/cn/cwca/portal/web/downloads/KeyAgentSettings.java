package cn.cwca.portal.web.downloads;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Where the pages' 识别KEY component ({@code resources/portal/keyReader.xhtml}) looks for the KEY控件:
 * the loopback ports its browser client probes, in order. By default none are named here and the
 * client probes the agent's own defaults, 17643, 17644, 17645. A deployment whose agents listen
 * elsewhere names the ports, comma-separated, in the system property {@value #PORTS} (e.g. {@code
 * -Dportal.keyAgentPorts=17643,17650}) or in the web.xml context parameter of the same name; the
 * system property wins. The agents must be started with the same ports ({@code --port} or {@code
 * ports=} in agent.properties).
 */
@Named("keyAgent")
@ApplicationScoped
public class KeyAgentSettings {

  /** System property and context parameter naming the ports. */
  public static final String PORTS = "portal.keyAgentPorts";

  private static final Logger LOG = Logger.getLogger(KeyAgentSettings.class.getName());

  @Inject private ServletContext servletContext;

  private String ports = "";

  @PostConstruct
  void load() {
    String configured = System.getProperty(PORTS);
    if (configured == null || configured.isBlank()) {
      configured = servletContext.getInitParameter(PORTS);
    }
    ports = ports(configured);
  }

  /**
   * The ports as the component's {@code data-ports} attribute wants them ({@code 17643,17644}),
   * empty for the client's defaults.
   */
  public String getPorts() {
    return ports;
  }

  /**
   * The configured list, cleaned: ports 1 to 65535, in order, without repeats; empty (the client's
   * defaults) when nothing is configured or something in it is not a port.
   */
  static String ports(String configured) {
    if (configured == null || configured.isBlank()) {
      return "";
    }
    List<Integer> ports = new ArrayList<>();
    for (String part : configured.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      int port;
      try {
        port = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        LOG.warning(
            () -> PORTS + " is not a list of ports: " + configured + "; using the defaults");
        return "";
      }
      if (!ports.contains(port)) {
        ports.add(port);
      }
    }
    return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
