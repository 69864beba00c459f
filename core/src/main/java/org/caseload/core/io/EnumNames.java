package org.caseload.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How enum constants are spelt in every Caseload file: written in lower case with underscores
 * ({@code newly_qualified}), read in any case with '_', '-' or ' ' between words.
 */
public final class EnumNames {
  private EnumNames() {}

  /** The spelling written for {@code value}: {@code newly_qualified}. */
  public static String write(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant spelt {@code text}, in any case, with '_', '-' or ' ' between words; or null. */
  public static <E extends Enum<E>> E read(String text, Class<E> type) {
    String key = key(text);
    for (E e : type.getEnumConstants()) {
      if (write(e).equals(key)) {
        return e;
      }
    }
    return null;
  }

  /**
   * {@code text} in the written spelling: trimmed, lower case, with '_' for '-' and ' '
   * ({@code "Newly qualified"} gives {@code newly_qualified}); for names that are not enum
   * constants but are spelt like them, such as published distributions.
   */
  public static String key(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  /** Every constant's written spelling, in declaration order. */
  public static <E extends Enum<E>> List<String> spellings(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(write(e));
    }
    return names;
  }
}
