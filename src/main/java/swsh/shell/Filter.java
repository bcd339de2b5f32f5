package swsh.shell;

import java.util.List;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import swsh.grammar.Grammar;

/**
 * An output filter after {@code |}: include, exclude, begin, section, count. The user's regular
 * expression runs on RE2/J, in time linear in the output, so no pattern can hang swshd.
 */
record Filter(String kind, Pattern re) {
    static Filter of(Grammar.Filter f) {
        try {
            return new Filter(f.kind(), Pattern.compile(f.regex()));
        } catch (PatternSyntaxException e) {
            throw new CliException("% Invalid regular expression: " + f.regex());
        }
    }

    String apply(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (text.endsWith("\n")) lines = lines.subList(0, lines.size() - 1);
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case "include", "exclude" -> {
                boolean inc = kind.equals("include");
                for (String l : lines) if (re.matcher(l).find() == inc) sb.append(l).append('\n');
            }
            case "begin" -> {
                boolean on = false;
                for (String l : lines) {
                    on |= re.matcher(l).find();
                    if (on) sb.append(l).append('\n');
                }
            }
            case "section" -> {
                // as on IOS: each line that matches, with the lines indented below it
                int depth = -1;
                for (String l : lines) {
                    int indent = l.length() - l.stripLeading().length();
                    if (depth >= 0 && indent > depth && !l.isBlank()) {
                        sb.append(l).append('\n');
                        continue;
                    }
                    depth = -1;
                    if (re.matcher(l).find()) {
                        depth = indent;
                        sb.append(l).append('\n');
                    }
                }
            }
            default -> {
                int n = 0;
                for (String l : lines) if (re.matcher(l).find()) n++;
                sb.append("Number of lines which match regexp = ").append(n).append('\n');
            }
        }
        return sb.toString();
    }
}
