package swsh.commands.safety;

import static swsh.commands.Modes.ARCHIVE;
import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXEC;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import swsh.commands.CommandException;
import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.core.ArchiveStore;
import swsh.core.IoErrors;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Archive;
import swsh.model.Config;

/**
 * The config archive: {@code archive} (path, maximum, write-memory), {@code archive config} (a copy now),
 * {@code show archive} and {@code show archive config differences [A [B]]}.
 */
public final class ArchiveCommands {
    private ArchiveCommands() {}

    private static final Arg<String> PATH = Arg.of("path", ConfigFiles.FLASH);
    private static final Arg<Integer> MAXIMUM = Arg.of("maximum", ParamType.range(1, 14));
    private static final Arg<String> FIRST = Arg.of("first", ConfigFiles.URL);
    private static final Arg<String> SECOND = Arg.of("second", ConfigFiles.URL);
    static final String OFF = "% Error: the archive is not enabled (set 'path' under 'archive')";

    public static void define(Defs d) {
        d.cmd(CONFIG, "archive", "Archive the configuration")
                .run((x, a) -> {
                    x.edit(c -> c.archive().on() ? c : c.withArchive(Archive.EMPTY));
                    x.enter(ARCHIVE, List.of(), 0);
                })
                .no((x, a) -> x.edit(c -> c.withArchive(Archive.NONE)))
                .renders(Config.class, c -> c.archive().on()
                        ? RunningConfig.block(CommandSet.grammar(), ARCHIVE, "archive", c.archive()) : List.of());
        d.cmd(ARCHIVE, "path $path", "Path for backups", "flash:NAME: copies are NAME-1, NAME-2, ... in the config directory")
                .bind(PATH)
                .run((x, a) -> x.edit(c -> c.withArchive(c.archive().withPath(a.get(PATH)))))
                .no((x, a) -> x.edit(c -> c.withArchive(c.archive().withPath(null))))
                .renders(Archive.class, r -> RunningConfig.lineIf(r.path() != null, "path " + r.path()));
        d.cmd(ARCHIVE, "maximum $maximum", "Maximum number of backup copies", "Number of copies kept").bind(MAXIMUM)
                .run((x, a) -> x.edit(c -> c.withArchive(c.archive().withMaximum(a.get(MAXIMUM)))))
                .no((x, a) -> x.edit(c -> c.withArchive(c.archive().withMaximum(Archive.DEFAULT_MAXIMUM))))
                .renders(Archive.class, r -> RunningConfig.lineIf(r.maximum() != Archive.DEFAULT_MAXIMUM, "maximum " + r.maximum()));
        d.cmd(ARCHIVE, "write-memory", "Enable automatic backup generation during write memory")
                .run((x, a) -> x.edit(c -> c.withArchive(c.archive().withWriteMemory(true))))
                .no((x, a) -> x.edit(c -> c.withArchive(c.archive().withWriteMemory(false))))
                .renders(Archive.class, r -> RunningConfig.lineIf(r.writeMemory(), "write-memory"));
        d.cmd(EXEC, "archive config", "manage archive files", "perform rollback confirmed change / archive the running config")
                .run((x, a) -> save(x));
        d.cmd(EXEC, "show archive", Help.SHOW, "Archive functions").filterable().run((x, a) -> show(x));
        // IOS: no file compares startup-config with running-config, one compares it with running-config
        d.cmd(EXEC, "show archive config differences", Help.SHOW, "Archive functions", "Configuration archive",
                "Differences between two configurations").filterable()
                .run((x, a) -> differences(x, ConfigFiles.STARTUP, ConfigFiles.RUNNING));
        d.cmd(EXEC, "show archive config differences $first [$second]", Help.SHOW, "Archive functions",
                "Configuration archive", "Differences between two configurations",
                "The first file", "The second file (default: system:running-config)")
                .bind(FIRST, SECOND).filterable()
                .run((x, a) -> differences(x, a.get(FIRST), a.opt(SECOND) == null ? ConfigFiles.RUNNING : a.opt(SECOND)));
    }

    private static void differences(Context x, String one, String two) {
        List<String> diff = ConfigDiff.contextual(ConfigFiles.read(x, one), ConfigFiles.read(x, two));
        x.println("");
        x.println("!Contextual Config Diffs:");
        if (diff.isEmpty()) x.println("!No changes were found");
        for (String l : diff) x.println(l);
        x.println("");
    }

    /** A copy of the running config in the archive; the URL written. */
    static String save(Context x) {
        Archive a = x.config().archive();
        if (!a.on() || a.path() == null) throw new CommandException(OFF);
        try {
            return new ArchiveStore(x.engine().store).save(a, x.render(x.config()));
        } catch (IOException e) {
            throw new CommandException("% Error writing the archive (" + IoErrors.reason(e) + ")");
        }
    }

    /** After {@code write memory}: a copy in the archive when {@code write-memory} is set. */
    public static void afterWriteMemory(Context x) {
        Archive a = x.config().archive();
        if (a.on() && a.writeMemory() && a.path() != null) save(x);
    }

    private static void show(Context x) {
        Archive a = x.config().archive();
        if (!a.on() || a.path() == null) throw new CommandException(OFF);
        try {
            ArchiveStore store = new ArchiveStore(x.engine().store);
            TreeMap<Integer, String> files = store.files(a);
            x.println("The maximum archive configurations allowed is " + a.maximum() + ".");
            x.println("The next archive file will be named " + store.next(a));
            x.println(" Archive #  Name");
            List<String> names = new ArrayList<>(files.values());
            int shown = Math.max(a.maximum(), names.size());
            for (int i = 0; i < shown; i++) {
                String name = i < names.size() ? names.get(i) : "";
                String recent = i == names.size() - 1 ? " <- Most Recent" : "";
                x.println(String.format("  %2d        %s%s", i + 1, name, recent).stripTrailing());
            }
        } catch (IOException e) {
            throw new CommandException("% Error reading the archive (" + IoErrors.reason(e) + ")");
        }
    }
}
