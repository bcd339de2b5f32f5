package swsh.shell;

import swsh.commands.CommandException;
import swsh.core.EngineException;
import swsh.grammar.ParseException;
import swsh.kernel.KernelException;
import swsh.model.ModelException;

/** Words every layer's error as IOS does; anything unexpected becomes one line without internals. */
public final class Errors {
    private Errors() {}

    public static final String INTERNAL = "% Internal error: ";

    public static CliException of(Throwable e, String line) {
        if (e instanceof CliException c) return c;
        if (e instanceof ParseException p) {
            return switch (p.kind) {
                case INVALID -> new CliException("% Invalid input detected at '^' marker.", p.column);
                case INCOMPLETE -> new CliException("% Incomplete command.");
                case AMBIGUOUS -> new CliException("% Ambiguous command:  \"" + shown(line.strip()) + "\"");
                case BAD_VALUE -> new CliException(percent(shown(p.getMessage())), p.column);
            };
        }
        if (e instanceof CommandException c) return new CliException(c.getMessage(), c.caret);
        if (e instanceof ModelException || e instanceof KernelException || e instanceof EngineException) {
            return new CliException(percent(e.getMessage()));
        }
        return new CliException(INTERNAL + "the command failed unexpectedly (" + describe(e) + ")");
    }

    /** User text echoed in an error: control characters shown as {@code ?}, at most 200 characters. */
    static String shown(String text) {
        if (text == null) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 200; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
        }
        if (text.length() > 200) sb.append("...");
        return sb.toString();
    }

    private static String percent(String m) {
        if (m == null || m.isBlank()) return "% Invalid input";
        return m.startsWith("%") ? m : "% " + m;
    }

    /** Where a bug happened, without exception class names: the first frame of ours. */
    private static String describe(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("swsh.")) {
                String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
                return "in " + cls + " line " + f.getLineNumber();
            }
        }
        return "no detail";
    }
}
