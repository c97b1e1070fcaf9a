package cn.cwca.keyagent.config;

/** A configuration value the agent cannot start with; the message names the value and the fix. */
public class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
