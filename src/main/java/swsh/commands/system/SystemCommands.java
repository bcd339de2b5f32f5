package swsh.commands.system;

import static swsh.commands.Modes.CONFIG;

import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.model.Config;
import swsh.model.Secret;

/** The switch's name and its enable secret. */
public final class SystemCommands {
    private SystemCommands() {}

    private static final Arg<String> HOSTNAME = Arg.of("hostname", Types.WORD);
    private static final Arg<String> PLAIN = Arg.of("plain", Types.WORD);
    private static final Arg<String> HASH = Arg.of("hash", Types.WORD);

    public static void define(Defs d) {
        d.cmd(CONFIG, "hostname $hostname", "Set system's network name", "This system's network name").bind(HOSTNAME)
                .run((x, a) -> {
                    String h = a.get(HOSTNAME);
                    if (!h.matches("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
                        throw new CommandException("% Invalid hostname: it contains one or more illegal characters.", a.column(HOSTNAME));
                    }
                    x.edit(c -> c.withHostname(h));
                })
                .no((x, a) -> x.edit(c -> c.withHostname(x.engine().defaultHostname)))
                .renders(Config.class, c -> List.of("hostname " + c.hostname()));
        d.cmd(CONFIG, "enable secret $plain", Help.ENABLE_SECRET, Help.SECRET,
                "The UNENCRYPTED (cleartext) 'enable' secret (stored as a type 9 scrypt hash)").bind(PLAIN).sensitive()
                .run((x, a) -> x.edit(c -> c.withEnableSecret(Secret.hash(a.get(PLAIN)))))
                .no((x, a) -> x.edit(c -> c.withEnableSecret(null)))
                .renders(Config.class, c -> c.enableSecret() == null ? List.of()
                        : List.of("enable secret " + Secret.type(c.enableSecret()) + " " + c.enableSecret()));
        hashed(d, 8, "Specifies a PBKDF2 hashed secret will follow", "The HASHED 'enable' secret string ($8$...)");
        hashed(d, 9, "Specifies a SCRYPT hashed secret will follow", "The HASHED 'enable' secret string ($9$...)");
    }

    /** {@code enable secret 8|9 HASH}: a hash as a Catalyst's config carries it. */
    private static void hashed(Defs d, int type, String typeHelp, String hashHelp) {
        d.cmd(CONFIG, "enable secret " + type + " $hash", Help.ENABLE_SECRET, Help.SECRET, typeHelp, hashHelp).bind(HASH)
                .sensitive()
                .run((x, a) -> {
                    String h = a.get(HASH);
                    if (!Secret.isHash(type, h)) throw new CommandException("% Invalid HASHED secret", a.column(HASH));
                    x.edit(c -> c.withEnableSecret(h));
                });
    }
}
