package swsh.kernel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the kernel's bonding driver says of a link, as {@code ip -d -j} prints it: a bond's own settings
 * and its active aggregator ({@link Master}), or a bond member's LACP state ({@link Member}). One of the
 * two is null (both for a link that is neither).
 */
public record Bond(Master master, Member member) {

    /**
     * A bond: {@code mode} ({@code 802.3ad}, {@code balance-xor}...), {@code lacpActive} and {@code lacpRate}
     * ({@code slow}/{@code fast}) as the kernel reports them (they are reported in every mode), the MII
     * monitor interval, and the active aggregator of an 802.3ad bond ({@code aggregator} 0 without one):
     * its number of ports, actor and partner keys, and the partner's system MAC.
     */
    public record Master(String mode, boolean lacpActive, String lacpRate, int miimon, String hashPolicy,
                         int aggregator, int numPorts, int actorKey, int partnerKey, String partnerMac) {
        public boolean lacp() {
            return "802.3ad".equals(mode);
        }
    }

    /**
     * A bond member: {@code ACTIVE}/{@code BACKUP}, its MII link, link failures counted, the aggregator it
     * is in, and the actor's and partner's LACP port state bits (802.1AX: 1 activity, 2 short timeout,
     * 4 aggregation, 8 in sync, 16 collecting, 32 distributing, 64 defaulted, 128 expired).
     */
    public record Member(String state, boolean miiUp, int linkFailures, int aggregatorId, int actorState, int partnerState) {
        public static final int ACTIVITY = 1, TIMEOUT = 2, AGGREGATION = 4, SYNC = 8, COLLECTING = 16, DISTRIBUTING = 32,
                DEFAULTED = 64, EXPIRED = 128;

        /** The partner agrees and frames flow both ways: bundled (Catalyst's P). */
        public boolean bundled() {
            int both = SYNC | COLLECTING | DISTRIBUTING;
            return miiUp && (actorState & both) == both && (partnerState & SYNC) != 0 && (partnerState & DEFAULTED) == 0;
        }
    }

    /** The bonding facts of a link's {@code linkinfo} object, or null when it is neither a bond nor a member. */
    static Bond of(JsonNode info) {
        Master master = null;
        Member member = null;
        if ("bond".equals(info.path("info_kind").asText())) {
            JsonNode d = info.path("info_data");
            JsonNode ad = d.path("ad_info");
            master = new Master(d.path("mode").asText(), !"off".equals(d.path("ad_lacp_active").asText("on")),
                    d.path("ad_lacp_rate").asText("slow"), d.path("miimon").asInt(), d.path("xmit_hash_policy").asText(null),
                    ad.path("aggregator").asInt(), ad.path("num_ports").asInt(), ad.path("actor_key").asInt(),
                    ad.path("partner_key").asInt(), ad.path("partner_mac").asText(null));
        }
        if ("bond".equals(info.path("info_slave_kind").asText())) {
            JsonNode s = info.path("info_slave_data");
            member = new Member(s.path("state").asText(), "UP".equals(s.path("mii_status").asText()),
                    s.path("link_failure_count").asInt(), s.path("ad_aggregator_id").asInt(),
                    s.path("ad_actor_oper_port_state").asInt(), s.path("ad_partner_oper_port_state").asInt());
        }
        return master == null && member == null ? null : new Bond(master, member);
    }
}
