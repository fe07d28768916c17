package dev.lazurite.search.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an OData expression into tokens. */
final class ODataLexer {
  enum Kind {
    IDENTIFIER,
    STRING,
    NUMBER,
    DATE,
    SYMBOL
  }

  record Token(Kind kind, String text, int position) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  private static final Pattern DATE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_./]*");

  private ODataLexer() {}

  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder s = new StringBuilder();
        int start = i++;
        while (true) {
          if (i >= text.length()) {
            throw ODataFilter.invalid("Unterminated string literal at position " + start + ".");
          }
          if (text.charAt(i) == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
              s.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          s.append(text.charAt(i++));
        }
        tokens.add(new Token(Kind.STRING, s.toString(), start));
      } else if ("(),:".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i++));
      } else {
        Matcher date = DATE.matcher(text).region(i, text.length());
        Matcher number = NUMBER.matcher(text).region(i, text.length());
        Matcher identifier = IDENTIFIER.matcher(text).region(i, text.length());
        if (date.lookingAt()) {
          tokens.add(new Token(Kind.DATE, date.group(), i));
          i = date.end();
        } else if (number.lookingAt()) {
          tokens.add(new Token(Kind.NUMBER, number.group(), i));
          i = number.end();
        } else if (identifier.lookingAt()) {
          tokens.add(new Token(Kind.IDENTIFIER, identifier.group(), i));
          i = identifier.end();
        } else {
          throw ODataFilter.invalid("Unexpected character '" + c + "' at position " + i + ".");
        }
      }
    }
    return tokens;
  }
}
