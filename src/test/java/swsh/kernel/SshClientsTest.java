package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.sh;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Logins over real SSH (OpenSSH sshd, keys, swsh as the users' login shell) and the automation
 * clients netmiko and Ansible (cisco.ios, network_cli), unmodified, against swshd on a real
 * kernel bridge. Runs inside user-mode Linux with the other kernel scenarios.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshClientsTest extends OverSsh {
    static String out(LiveKernel.Result r) {
        return r.out() + r.err();
    }

    @Test
    @Order(1)
    void loginShellCommandsPrivilegesAndAudit() {
        LiveKernel.Result r = fx.ssh("swadmin", null, "show vlan brief");
        assertEquals(0, r.status(), out(r));
        assertTrue(r.out().contains("1    default                          active"), out(r));
        r = fx.ssh("swadmin", null, "configure terminal\nenable secret s3cr3t\nend");
        assertEquals(0, r.status(), out(r));

        r = fx.ssh("swop", null, "show privilege\nconfigure terminal");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("Current privilege level is 1"), out(r));
        assertTrue(r.err().contains("line 2: configure terminal"), out(r));
        r = fx.ssh("swop", null, "enable\nwrong\nwrong\nwrong");
        assertTrue(r.err().contains("% Bad secrets"), out(r));
        r = fx.ssh("swop", null, "enable\ns3cr3t\nshow privilege\nconfigure terminal\nvlan 61\nend");
        assertEquals(0, r.status(), out(r));
        assertTrue(r.out().contains("Current privilege level is 15"), out(r));

        r = fx.ssh("swguest", null, "enable");
        assertTrue(r.err().contains("% Error in authentication"), out(r));
        assertTrue(fx.ssh("swguest", null, "show vlan brief").out().contains("61   VLAN0061"), "a change is seen by the next session");

        String log = fx.ssh("swadmin", null, "show logging").out();
        assertTrue(log.contains("%SYS-5-CONFIG_I: Configured from vty by swop (127.0.0.1)"), log);
        assertTrue(log.contains("User:swadmin  logged command:enable secret *****"), log);
        assertFalse(log.contains("s3cr3t"));
    }

    /** Reads until the output ends with {@code suffix}; returns everything read. */
    static String until(InputStream in, StringBuilder seen, String suffix) throws Exception {
        long end = System.currentTimeMillis() + 60000;
        while (!seen.toString().endsWith(suffix)) {
            if (System.currentTimeMillis() > end) throw new AssertionError("no '" + suffix + "' in:\n" + seen);
            if (in.available() > 0) seen.append((char) in.read());
            else Thread.sleep(10);
        }
        return seen.toString();
    }

    @Test
    @Order(2)
    void interactiveLoginEchoesExactlyAndQueuesTypeAhead() throws Exception {
        Process p = fx.login("swadmin");
        InputStream in = p.getInputStream();
        OutputStream o = p.getOutputStream();
        StringBuilder seen = new StringBuilder();
        until(in, seen, "sw-ssh>");
        o.write("enable\n".getBytes());
        o.flush();
        until(in, seen, "sw-ssh#");
        // type-ahead: three lines at once, as netmiko 2 sends config lines
        o.write("terminal length 0\nconfigure terminal\nvlan 62\n".getBytes());
        o.flush();
        until(in, seen, "sw-ssh(config-vlan)#");
        o.write("end\r".getBytes());
        o.flush();
        until(in, seen, "sw-ssh#");
        o.write("exit\n".getBytes());
        o.flush();
        p.waitFor();
        String s = seen.toString();
        assertFalse(s.contains("\u001b"), "no escape sequences: " + s);
        for (String cmd : List.of("enable", "terminal length 0", "configure terminal", "vlan 62", "end")) {
            assertEquals(1, s.split(java.util.regex.Pattern.quote(cmd + "\r"), -1).length - 1, "'" + cmd + "' echoed once in:\n" + s);
        }
        assertTrue(s.contains("sw-ssh(config)#vlan 62"), s);
    }

    static String python(String script) throws Exception {
        Path f = SshFixture.DIR.resolve("client.py");
        Files.writeString(f, script);
        LiveKernel.Result r = LiveKernel.exec(List.of("/usr/bin/python3", f.toString()), null);
        assertEquals(0, r.status(), r.out() + r.err());
        return r.out();
    }

    @Test
    @Order(3)
    void netmikoDrivesTheSwitchLikeACatalyst() throws Exception {
        String out = python("""
                from netmiko import ConnectHandler
                c = ConnectHandler(device_type='cisco_ios', host='127.0.0.1', port=2222, username='swadmin',
                                   use_keys=True, key_file='/tmp/swsh-ssh/client', allow_agent=False, secret='')
                c.enable()
                print('PROMPT=' + c.find_prompt())
                print(c.send_command('show vlan brief'))
                print(c.send_config_set(['vlan 10', 'name blue', 'vlan 20', 'name red',
                    'interface eth1', 'switchport mode access', 'switchport access vlan 10',
                    'interface eth2', 'switchport mode trunk', 'switchport trunk allowed vlan 10,20']))
                print('SAVE=' + c.save_config())
                c.disconnect()
                """);
        assertTrue(out.contains("PROMPT=sw-ssh#"), out);
        assertTrue(out.contains("VLAN Name                             Status    Ports"), out);
        assertFalse(out.contains("% "), "no errors:\n" + out);
        assertTrue(out.contains("Building configuration...") && out.contains("[OK]"), out);
        String v1 = sh("bridge", "-n", SshFixture.NS, "-j", "vlan", "show", "dev", "eth1");
        assertTrue(v1.contains("\"vlan\":10,\"flags\":[\"PVID\",\"Egress Untagged\"]"), v1);
        String v2 = sh("bridge", "-n", SshFixture.NS, "-j", "vlan", "show", "dev", "eth2");
        assertTrue(v2.contains("\"vlan\":10}") && v2.contains("\"vlan\":20}"), v2);
        String startup = Files.readString(SshFixture.DIR.resolve("etc/startup-config"));
        assertTrue(startup.contains("interface eth2\n switchport trunk allowed vlan 10,20\n switchport mode trunk\n"), startup);
    }

    static LiveKernel.Result ansible(Path playbook) {
        Path inv = SshFixture.DIR.resolve("inventory.ini");
        try {
            Files.writeString(inv, "[sw]\nsw1 ansible_host=127.0.0.1 ansible_port=2222 ansible_user=swadmin "
                    + "ansible_ssh_private_key_file=/tmp/swsh-ssh/client ansible_connection=ansible.netcommon.network_cli "
                    + "ansible_network_os=cisco.ios.ios ansible_become=yes ansible_become_method=enable\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return LiveKernel.exec(List.of("env", "ANSIBLE_HOST_KEY_CHECKING=False", "ANSIBLE_NOCOLOR=1",
                "ANSIBLE_PERSISTENT_COMMAND_TIMEOUT=120", "ANSIBLE_PERSISTENT_CONNECT_TIMEOUT=120",
                "ANSIBLE_LOCAL_TEMP=/tmp/swsh-ssh/ansible-tmp", "ansible-playbook", "-i", inv.toString(), playbook.toString()), null);
    }

    @Test
    @Order(4)
    void ansibleCommandConfigAndFactsWithSaveWhenModified() throws Exception {
        Path play = SshFixture.DIR.resolve("play.yml");
        Files.writeString(play, """
                - hosts: sw
                  gather_facts: no
                  tasks:
                    - cisco.ios.ios_command:
                        commands: [show version, show vlan brief]
                      register: shown
                    - assert:
                        that: ["'Version 0.1.0' in shown.stdout[0]", "'VLAN Name' in shown.stdout[1]"]
                    - cisco.ios.ios_config:
                        parents: interface eth3
                        lines: [switchport access vlan 30, description ansible managed]
                        save_when: modified
                    - cisco.ios.ios_facts:
                        gather_subset: min
                    - assert:
                        that: ["ansible_net_version == '0.1.0'", "ansible_net_hostname == 'sw-ssh'"]
                """);
        LiveKernel.Result first = ansible(play);
        assertEquals(0, first.status(), first.out() + first.err());
        assertTrue(first.out().matches("(?s).*sw1 +: ok=\\d+ +changed=1 .*"), first.out());
        LiveKernel.Result second = ansible(play);
        assertEquals(0, second.status(), second.out() + second.err());
        assertTrue(second.out().matches("(?s).*sw1 +: ok=\\d+ +changed=0 .*"), "a second run changes nothing:\n" + second.out());
        String v3 = sh("bridge", "-n", SshFixture.NS, "-j", "vlan", "show", "dev", "eth3");
        assertTrue(v3.contains("\"vlan\":30,\"flags\":[\"PVID\",\"Egress Untagged\"]"), v3);
        assertTrue(sh("ip", "-n", SshFixture.NS, "-j", "link", "show", "eth3").contains("\"ifalias\":\"ansible managed\""));
        assertTrue(Files.readString(SshFixture.DIR.resolve("etc/startup-config")).contains(" description ansible managed\n"));
    }
}
