package io.convener.api;

/** A host-supplied plugin (signal source, notification channel, key provider) failed. */
public final class PluginException extends ConvenerException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which plugin failed and doing what, for people
   * @param cause the plugin's exception
   */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "plugin";
  }
}
