package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * netmiko's {@code send_config_set} repeated while two busy loops load the CPU: each must enter and
 * leave configuration mode. netmiko takes 2 s without output for "all read"; a line answered later
 * leaves prompts unread, and its reads that stop at the first {@code #} then take old ones, so what
 * it reads after {@code end} is an earlier {@code (config…)#} and it raises "Failed to exit
 * configuration mode". {@code -Dswsh.netmiko.runs=N} sets the logins (three config sets each; the
 * suite does a few, a proof run by hand 20 or more). The load runs while the sets are sent, not
 * while netmiko logs in: its login waits about a second for a prompt to each Enter, a different
 * limit from the one tested here.
 */
@Tag("kernel")
class NetmikoLoadTest extends OverSsh {
    @Test
    void sendConfigSetLeavesConfigModeEveryTimeUnderLoad() throws Exception {
        int runs = Integer.getInteger("swsh.netmiko.runs", 4);
        String out = SshClientsTest.python("""
                import subprocess
                from netmiko import ConnectHandler
                runs, sets, ok = %d, 3, 0
                for i in range(runs):
                    c = ConnectHandler(device_type='cisco_ios', host='127.0.0.1', port=2222, username='swadmin',
                                       use_keys=True, key_file='/tmp/swsh-ssh/client', allow_agent=False, secret='',
                                       session_log='/tmp/swsh-ssh/netmiko.log')
                    c.enable()
                    c.send_command('show vlan brief')
                    load = [subprocess.Popen(['sh', '-c', 'while :; do :; done']) for _ in range(2)]
                    try:
                        for j in range(sets):
                            v = 100 + (i * sets + j) %% 50
                            try:
                                c.send_config_set(['vlan %%d' %% v, 'name run%%d' %% i, 'vlan %%d' %% (v + 100),
                                                   'interface eth1', 'switchport mode access', 'switchport access vlan %%d' %% v,
                                                   'interface eth2', 'switchport mode trunk',
                                                   'switchport trunk allowed vlan %%d,%%d' %% (v, v + 100)])
                                ok += 1
                            except ValueError as e:
                                print('RUN %%d.%%d FAILED: %%s' %% (i, j, e))
                                print(repr(open('/tmp/swsh-ssh/netmiko.log').read()[-2500:]))
                    finally:
                        for p in load:
                            p.kill()
                            p.wait()
                    print('MODE=' + c.find_prompt())
                    c.disconnect()
                print('PASSED %%d/%%d' %% (ok, runs * sets))
                """.formatted(runs));
        System.out.println("netmiko send_config_set under load: " + out.lines().filter(l -> l.startsWith("PASSED")).findFirst().orElse(out));
        assertTrue(out.contains("PASSED " + (runs * 3) + "/" + (runs * 3)), out);
        assertEquals(runs, out.lines().filter(l -> l.equals("MODE=sw-ssh#")).count(), out);
        String brief = fx.ssh("swadmin", null, "show interfaces eth2 switchport").out();
        int v = 100 + (runs * 3 - 1) % 50;
        assertTrue(brief.contains("Trunking VLANs Enabled: " + v + "," + (v + 100)), "the last set took effect:\n" + brief);
    }
}
