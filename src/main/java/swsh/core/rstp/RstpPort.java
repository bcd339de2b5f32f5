package swsh.core.rstp;

/** One port's variables in the tree (802.1D-2004 17.19, the ones this engine needs). */
final class RstpPort {
    final String name;
    Rstp.PortConf conf = new Rstp.PortConf(0x8000, 2, false, true, false, false);
    boolean up;
    Rstp.Role role = Rstp.Role.DISABLED;
    Rstp.PortState state = Rstp.PortState.DISCARDING;
    /** The best information heard from the segment's designated bridge, or null. */
    Vec received;
    int rxMsgAge, rxMaxAge, rxHello, rxFwd;
    long infoUntil;
    /** What this port sends while designated. */
    Vec designated;
    Vec agreedVec;
    boolean operEdge, stpVersion, proposing, proposed, agreed, agreeing, sendAgreement, tcAck, newInfo;
    boolean rootInconsistent;
    long guardUntil, fdUntil, helloDue, tcUntil, tcnUntil, txWindow;
    int txCount;

    RstpPort(String name) {
        this.name = name;
    }

    /** Forgets what the segment said (link down, information aged out). */
    void forget() {
        received = null;
        proposed = false;
        agreed = false;
        agreeing = false;
        agreedVec = null;
    }
}
