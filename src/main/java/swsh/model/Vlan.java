package swsh.model;

/** A VLAN of the VLAN database; {@code name} is null when the user never named it. */
public record Vlan(int id, String name) {
    public String displayName() {
        if (name != null) return name;
        return id == 1 ? "default" : String.format("VLAN%04d", id);
    }
}
