using System.Globalization;
using System.Net;
using System.Text;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// An EFI_DEVICE_PATH_PROTOCOL (UEFI 2.10 §10.3) as text in the form of the specification's "Device Path Node Text
/// Representation" (§10.6.1): nodes joined by '/', instances by ','. The common hardware, ACPI, messaging, media and BBS
/// nodes are named; any other node is Path(type,subtype,hex), the specification's generic form.
/// </summary>
internal static class EfiDevicePathText
{
    private const uint PnpPciRoot = 0x0A0341D0;   // EISA id PNP0A03
    private const uint PnpPcieRoot = 0x0A0841D0;  // EISA id PNP0A08

    /// <summary>The text of <c>data[offset..offset+length)</c>; a node whose length lies ends the text, with the reason in <paramref name="problem"/>.</summary>
    internal static string Decode(byte[] data, int offset, int length, out string? problem)
    {
        problem = null;
        var text = new StringBuilder();
        var position = offset;
        var end = offset + length;
        var separate = false;
        while (position < end)
        {
            var left = end - position;
            if (left < 4)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "a device path node header needs 4 bytes but only {0} are left at byte {1}", left, position);
                break;
            }

            var type = data[position];
            var subType = data[position + 1];
            var nodeLength = SecureBootBytes.UInt16(data, position + 2);
            if (nodeLength < 4 || nodeLength > left)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "the device path node at byte {0} gives a length of {1} with {2} bytes left", position, nodeLength, left);
                break;
            }

            if (type == 0x7F && subType == 0xFF)
            {
                break;
            }

            if (type == 0x7F && subType == 0x01)
            {
                text.Append(',');
                separate = false;
                position += nodeLength;
                continue;
            }

            if (separate)
            {
                text.Append('/');
            }

            AppendNode(text, type, subType, data, position + 4, nodeLength - 4);
            separate = true;
            position += nodeLength;
        }

        return text.ToString();
    }

    private static void AppendNode(StringBuilder text, byte type, byte subType, byte[] d, int at, int size)
    {
        var node = Node(type, subType, d, at, size);
        if (node is null)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, "Path({0},{1}", type, subType);
            if (size > 0)
            {
                text.Append(',').Append(SecureBootBytes.Hex(d, at, size));
            }

            text.Append(')');
            return;
        }

        text.Append(node);
    }

    /// <summary>A known node's text, or null when the node is unknown or too short for its layout.</summary>
    private static string? Node(byte type, byte subType, byte[] d, int at, int size)
    {
        var c = CultureInfo.InvariantCulture;
        switch (type, subType)
        {
            case (0x01, 0x01) when size >= 2:
                return string.Format(c, "Pci(0x{0:X},0x{1:X})", d[at + 1], d[at]);
            case (0x01, 0x02) when size >= 1:
                return string.Format(c, "PcCard(0x{0:X})", d[at]);
            case (0x01, 0x03) when size >= 20:
                return string.Format(c, "MemoryMapped(0x{0:X},0x{1:X},0x{2:X})", U32(d, at), U64(d, at + 4), U64(d, at + 12));
            case (0x01, 0x04) when size >= 16:
                return Vendor("VenHw", d, at, size);
            case (0x01, 0x05) when size >= 4:
                return string.Format(c, "Ctrl(0x{0:X})", U32(d, at));
            case (0x01, 0x06) when size >= 9:
                return string.Format(c, "BMC(0x{0:X},0x{1:X})", d[at], U64(d, at + 1));
            case (0x02, 0x01) when size >= 8:
                return Acpi(U32(d, at), U32(d, at + 4));
            case (0x02, 0x02) when size >= 12:
                return string.Format(c, "AcpiEx({0},{1},0x{2:X})", EisaId(U32(d, at)), EisaId(U32(d, at + 8)), U32(d, at + 4));
            case (0x02, 0x03) when size >= 4:
                return string.Format(c, "AcpiAdr(0x{0:X})", U32(d, at));
            case (0x03, 0x01) when size >= 4:
                return string.Format(c, "Ata(0x{0:X},0x{1:X},0x{2:X})", d[at], d[at + 1], U16(d, at + 2));
            case (0x03, 0x02) when size >= 4:
                return string.Format(c, "Scsi(0x{0:X},0x{1:X})", U16(d, at), U16(d, at + 2));
            case (0x03, 0x03) when size >= 20:
                return string.Format(c, "Fibre(0x{0:X},0x{1:X})", U64(d, at + 4), U64(d, at + 12));
            case (0x03, 0x05) when size >= 2:
                return string.Format(c, "USB(0x{0:X},0x{1:X})", d[at], d[at + 1]);
            case (0x03, 0x0A) when size >= 16:
                return Vendor("VenMsg", d, at, size);
            case (0x03, 0x0B) when size >= 33:
                return string.Format(c, "MAC({0},0x{1:X})", SecureBootBytes.Hex(d, at, d[at + 32] is 0 or 1 ? 6 : 32), d[at + 32]);
            case (0x03, 0x0C) when size >= 15:
                return string.Format(c, "IPv4({0},0x{1:X},{2},{3})", new IPAddress(SecureBootBytes.Copy(d, at + 4, 4)), U16(d, at + 12), d[at + 14] == 0 ? "DHCP" : "Static", new IPAddress(SecureBootBytes.Copy(d, at, 4)));
            case (0x03, 0x0D) when size >= 39:
                return string.Format(c, "IPv6({0},0x{1:X},{2})", new IPAddress(SecureBootBytes.Copy(d, at + 16, 16)), U16(d, at + 36), new IPAddress(SecureBootBytes.Copy(d, at, 16)));
            case (0x03, 0x0F) when size >= 7:
                return string.Format(c, "UsbClass(0x{0:X},0x{1:X},0x{2:X},0x{3:X},0x{4:X})", U16(d, at), U16(d, at + 2), d[at + 4], d[at + 5], d[at + 6]);
            case (0x03, 0x11) when size >= 1:
                return string.Format(c, "Unit(0x{0:X})", d[at]);
            case (0x03, 0x12) when size >= 6:
                return string.Format(c, "Sata(0x{0:X},0x{1:X},0x{2:X})", U16(d, at), U16(d, at + 2), U16(d, at + 4));
            case (0x03, 0x14) when size >= 2:
                return string.Format(c, "Vlan({0})", U16(d, at));
            case (0x03, 0x17) when size >= 12:
                return string.Format(c, "NVMe(0x{0:X},{1})", U32(d, at), Eui64(d, at + 4));
            case (0x03, 0x18):
                return "Uri(" + TcgBytes.Ascii(d, at, size) + ")";
            case (0x03, 0x1A) when size >= 1:
                return string.Format(c, "SD(0x{0:X})", d[at]);
            case (0x03, 0x1D) when size >= 1:
                return string.Format(c, "eMMC(0x{0:X})", d[at]);
            case (0x04, 0x01) when size >= 38:
                return HardDrive(d, at);
            case (0x04, 0x02) when size >= 20:
                return string.Format(c, "CDROM(0x{0:X},0x{1:X},0x{2:X})", U32(d, at), U64(d, at + 4), U64(d, at + 12));
            case (0x04, 0x03) when size >= 16:
                return Vendor("VenMedia", d, at, size);
            case (0x04, 0x04):
                return TcgBytes.Utf16(d, at, size);
            case (0x04, 0x05) when size >= 16:
                return "Media(" + Guid(d, at) + ")";
            case (0x04, 0x06) when size >= 16:
                return "FvFile(" + Guid(d, at) + ")";
            case (0x04, 0x07) when size >= 16:
                return "Fv(" + Guid(d, at) + ")";
            case (0x04, 0x08) when size >= 20:
                return string.Format(c, "Offset(0x{0:X},0x{1:X})", U64(d, at + 4), U64(d, at + 12));
            case (0x05, 0x01) when size >= 4:
                return string.Format(c, "BBS({0},{1},0x{2:X})", BbsType(U16(d, at)), TcgBytes.Ascii(d, at + 4, size - 4), U16(d, at + 2));
            default:
                return null;
        }
    }

    /// <summary>Hard Drive media node: partition number, start and size (LBAs), signature, MBR type and signature type.</summary>
    private static string HardDrive(byte[] d, int at)
    {
        var c = CultureInfo.InvariantCulture;
        var number = U32(d, at);
        var start = U64(d, at + 4);
        var size = U64(d, at + 12);
        var signatureType = d[at + 37];
        var signature = signatureType switch
        {
            1 => "MBR," + string.Format(c, "0x{0:X8}", U32(d, at + 20)),
            2 => "GPT," + Guid(d, at + 20),
            _ => string.Format(c, "{0},0", signatureType),
        };
        return string.Format(c, "HD({0},{1},0x{2:X},0x{3:X})", number, signature, start, size);
    }

    private static string Acpi(uint hid, uint uid) => hid switch
    {
        PnpPciRoot => string.Format(CultureInfo.InvariantCulture, "PciRoot(0x{0:X})", uid),
        PnpPcieRoot => string.Format(CultureInfo.InvariantCulture, "PcieRoot(0x{0:X})", uid),
        _ => string.Format(CultureInfo.InvariantCulture, "Acpi({0},0x{1:X})", EisaId(hid), uid),
    };

    /// <summary>A compressed EISA id: three 5-bit letters in the low 16 bits, the product number in the high 16 (PNP0A03).</summary>
    private static string EisaId(uint id)
    {
        var vendor = id & 0xFFFF;
        var letters = new[] { (char)('@' + ((vendor >> 10) & 0x1F)), (char)('@' + ((vendor >> 5) & 0x1F)), (char)('@' + (vendor & 0x1F)) };
        foreach (var letter in letters)
        {
            if (letter is < 'A' or > 'Z')
            {
                return string.Format(CultureInfo.InvariantCulture, "0x{0:X8}", id);
            }
        }

        return new string(letters) + (id >> 16).ToString("X4", CultureInfo.InvariantCulture);
    }

    private static string Vendor(string name, byte[] d, int at, int size) =>
        size > 16 ? name + "(" + Guid(d, at) + "," + SecureBootBytes.Hex(d, at + 16, size - 16) + ")" : name + "(" + Guid(d, at) + ")";

    private static string BbsType(ushort type) => type switch
    {
        1 => "Floppy",
        2 => "HD",
        3 => "CDROM",
        4 => "PCMCIA",
        5 => "USB",
        6 => "Network",
        _ => string.Format(CultureInfo.InvariantCulture, "0x{0:X}", type),
    };

    private static string Eui64(byte[] d, int at)
    {
        // The EUI-64 is stored least significant byte first; the text shows it most significant first.
        var parts = new string[8];
        for (var i = 0; i < 8; i++)
        {
            parts[i] = d[at + 7 - i].ToString("X2", CultureInfo.InvariantCulture);
        }

        return string.Join("-", parts);
    }

    private static string Guid(byte[] d, int at) => TcgBytes.Guid(SecureBootBytes.Guid(d, at));

    private static ushort U16(byte[] d, int at) => SecureBootBytes.UInt16(d, at);

    private static uint U32(byte[] d, int at) => SecureBootBytes.UInt32(d, at);

    private static ulong U64(byte[] d, int at) => TcgBytes.UInt64(d, at);
}
