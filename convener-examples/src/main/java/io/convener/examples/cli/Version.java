package io.convener.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = ConvenerCommand.class.getPackage().getImplementationVersion();
    return new String[] {"convener " + (v == null ? "development" : v)};
  }
}
