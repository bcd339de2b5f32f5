package swsh.model;

/** A VLAN of the VLAN database; {@code name} is null when the user never named it. */
public record Vlan(int id, String name) {
    /** The MTU of every VLAN: the bridge carries its VLANs with the ports' own MTU, and a VLAN has none of its own. */
    public static final int MTU = 1500;


    public String displayName() {
        if (name != null) return name;
        return id == 1 ? "default" : String.format("VLAN%04d", id);
    }
}
