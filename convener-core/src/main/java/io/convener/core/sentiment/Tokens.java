package io.convener.core.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into the tokens VADER scores: words with their surrounding punctuation removed,
 * emoticons kept whole, and each emoji either a token of its own (when the lexicon rates it) or
 * the words of its Unicode name (as VADER 3.3 reads emoji). Immutable.
 *
 * @param words the tokens as written
 * @param lower the same tokens in lower case
 * @param capDiff whether some but not all words are in capitals (a word in capitals then counts as
 *     emphasis); a word counts as capitals when it has at least two letters, all upper case
 */
record Tokens(List<String> words, List<String> lower, boolean capDiff) {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  Tokens {
    words = List.copyOf(words);
    lower = List.copyOf(lower);
  }

  /** Tokenizes {@code text}, looking emoji and emoticons up in {@code lexicon}. */
  static Tokens of(String text, Lexicon lexicon) {
    String spaced = expandEmoji(text.replace('\u2019', '\'').replace('\u2018', '\''), lexicon);
    List<String> words = new ArrayList<>();
    for (String raw : spaced.strip().split("\\s+")) {
      if (raw.isEmpty()) {
        continue;
      }
      String word = lexicon.contains(raw.toLowerCase(Locale.ROOT)) ? raw : stripPunctuation(raw);
      words.add(word.isEmpty() ? raw : word);
    }
    List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    int caps = 0;
    for (String w : words) {
      if (isCapitals(w)) {
        caps++;
      }
    }
    return new Tokens(words, lower, caps > 0 && caps < words.size());
  }

  int size() {
    return words.size();
  }

  /** Whether the word has at least two letters and every letter is upper case. */
  static boolean isCapitals(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  private static String stripPunctuation(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    return token.substring(from, to);
  }

  /** Puts spaces around emoji and replaces those the lexicon does not rate by their name. */
  private static String expandEmoji(String text, Lexicon lexicon) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> {
      if (isEmojiModifier(cp)) {
        return;
      }
      if (!isEmoji(cp)) {
        out.appendCodePoint(cp);
        return;
      }
      String emoji = new String(Character.toChars(cp));
      String name = Character.getName(cp);
      if (lexicon.contains(emoji) || name == null) {
        out.append(' ').append(emoji).append(' ');
      } else {
        out.append(' ').append(name.toLowerCase(Locale.ROOT)).append(' ');
      }
    });
    return out.toString();
  }

  /** Pictographic symbols: the emoji and dingbat blocks, stars and arrows. */
  static boolean isEmoji(int cp) {
    boolean block = (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
    return block && Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  /** Code points that only shape an emoji: variation selectors, joiner, skin tones, keycap. */
  private static boolean isEmojiModifier(int cp) {
    return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }
}
