/// Which resolved addresses a fetch may connect to. Decided on the address
/// the socket is opened for (every redirect hop too), never on the URL text,
/// so 2130706433, 0x7f000001 and names that resolve to 10.x are all caught.
public enum AddressPolicy {
    /// IPv4 ranges that are not the public internet: (first bytes, prefix length, name).
    static let privateV4: [([UInt8], Int, String)] = [
        ([0, 0, 0, 0], 8, "this network"),
        ([10, 0, 0, 0], 8, "a private network (RFC 1918)"),
        ([100, 64, 0, 0], 10, "carrier-grade NAT (RFC 6598)"),
        ([127, 0, 0, 0], 8, "loopback"),
        ([169, 254, 0, 0], 16, "link-local, cloud metadata"),
        ([172, 16, 0, 0], 12, "a private network (RFC 1918)"),
        ([192, 0, 0, 0], 24, "IETF protocol assignments"),
        ([192, 168, 0, 0], 16, "a private network (RFC 1918)"),
        ([198, 18, 0, 0], 15, "benchmarking"),
        ([224, 0, 0, 0], 4, "multicast"),
        ([240, 0, 0, 0], 4, "reserved"),
    ]

    /// Why an IPv4 address is refused, or nil when it is public.
    public static func refusalV4(_ a: [UInt8]) -> String? {
        guard a.count == 4 else { return "malformed address" }
        for (prefix, length, name) in privateV4 where matches(a, prefix, length) { return name }
        return nil
    }

    /// Why an IPv6 address is refused, or nil when it is public.
    public static func refusalV6(_ a: [UInt8]) -> String? {
        guard a.count == 16 else { return "malformed address" }
        if a.allSatisfy({ $0 == 0 }) { return "unspecified address" }
        if a[0..<15].allSatisfy({ $0 == 0 }) && a[15] == 1 { return "loopback" }
        // Forms that carry an IPv4 address, judged as that address: a stack or a NAT64/6to4 gateway
        // may deliver them to it.
        // ::ffff:a.b.c.d (mapped, RFC 4291)
        if a[0..<10].allSatisfy({ $0 == 0 }) && a[10] == 0xFF && a[11] == 0xFF { return refusalV4(Array(a[12..<16])) }
        // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291; :: and ::1 are answered above)
        if a[0..<12].allSatisfy({ $0 == 0 }) { return refusalV4(Array(a[12..<16])) ?? "an IPv4-compatible address (deprecated)" }
        // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765 SIIT)
        if a[0..<8].allSatisfy({ $0 == 0 }) && a[8] == 0xFF && a[9] == 0xFF && a[10] == 0 && a[11] == 0 { return refusalV4(Array(a[12..<16])) }
        // 64:ff9b::a.b.c.d (NAT64 well-known prefix, RFC 6052)
        if a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..<12].allSatisfy({ $0 == 0 }) { return refusalV4(Array(a[12..<16])) }
        // 64:ff9b:1::/48 (local-use NAT64, RFC 8215): not global, wherever the operator puts the IPv4 address
        if a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4] == 0 && a[5] == 1 {
            return refusalV4(Array(a[12..<16])) ?? "local-use NAT64 (64:ff9b:1::/48, RFC 8215)"
        }
        // 2002:a.b.c.d::/48 (6to4, RFC 3056): the IPv4 address is bytes 2–5
        if a[0] == 0x20 && a[1] == 0x02 { return refusalV4(Array(a[2..<6])) }
        if a[0] & 0xFE == 0xFC { return "a unique local address (fc00::/7)" }
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return "link-local (fe80::/10)" }
        if a[0] == 0xFF { return "multicast" }
        if a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8 { return "documentation (2001:db8::/32)" }
        return nil
    }

    static func matches(_ a: [UInt8], _ prefix: [UInt8], _ length: Int) -> Bool {
        var bits = length
        for i in 0..<prefix.count where bits > 0 {
            let take = min(8, bits)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if a[i] & mask != prefix[i] & mask { return false }
            bits -= take
        }
        return true
    }
}
