package org.caseload.core.io;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats an organisation is read from and written to. */
public enum Format {
  /** JSON ({@code .json}). */
  JSON,
  /** YAML ({@code .yaml} or {@code .yml}). */
  YAML;

  /**
   * The format a file name's extension names.
   *
   * @throws IllegalArgumentException if the extension is neither .json, .yaml nor .yml
   */
  public static Format of(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    throw new IllegalArgumentException("cannot tell the format of \"" + file
        + "\": its name must end in .json, .yaml or .yml");
  }
}
