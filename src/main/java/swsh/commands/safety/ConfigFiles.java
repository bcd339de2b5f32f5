package swsh.commands.safety;

import java.io.IOException;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.core.ArchiveStore;
import swsh.core.IoErrors;
import swsh.grammar.ParamType;

/** Config files as IOS names them: {@code nvram:startup-config}, {@code system:running-config}, {@code flash:NAME}. */
public final class ConfigFiles {
    private ConfigFiles() {}

    static final String STARTUP = "nvram:startup-config";
    static final String RUNNING = "system:running-config";

    /** A config file's URL; a {@code flash:} name must stay inside the config directory. */
    static final ParamType<String> URL = ParamType.of("URL", null, "nvram:startup-config|system:running-config|flash:\\S+", u -> {
        if (u.startsWith("flash:") && !ArchiveStore.valid(u)) throw new IllegalArgumentException("Invalid file name " + u);
        return u;
    });

    /** A flash: file name ({@code path}): the same rule. */
    static final ParamType<String> FLASH = ParamType.of("flash:NAME", null, "flash:\\S+", u -> {
        if (!ArchiveStore.valid(u)) throw new IllegalArgumentException("Invalid file name " + u);
        return u;
    });

    /** The text of a config file; an IOS error when there is none. */
    static String read(Context x, String url) {
        if (url.equals(STARTUP)) return readStartup(x, "%Error opening nvram:/startup-config (No such file or directory)");
        if (url.equals(RUNNING)) return x.render(x.config());
        try {
            return new ArchiveStore(x.engine().store).read(url)
                    .orElseThrow(() -> new CommandException("%Error opening " + url + " (No such file or directory)"));
        } catch (IOException e) {
            throw new CommandException("%Error opening " + url + " (" + IoErrors.reason(e) + ")");
        }
    }

    /** The startup-config text; {@code missing} is the IOS message when there is none. */
    public static String readStartup(Context x, String missing) {
        try {
            return x.engine().store.readStartup().orElseThrow(() -> new CommandException(missing));
        } catch (IOException e) {
            throw new CommandException("% Error reading startup-config (" + swsh.core.IoErrors.reason(e) + ")");
        }
    }
}
