using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The rule options a policy's option bits stand for, by bit, as Microsoft's "Understanding App Control event tags" page
/// tabulates them for the 3099 Options field (the same bits as the compiled header's OptionFlags, FORMATS.md §3), named as
/// the policy XML's rule options are (without the "(Default)" the page adds to two of them).
/// </summary>
internal static class PolicyRuleOptions
{
    /// <summary>The name of the audit-mode rule option.</summary>
    internal const string AuditMode = "Enabled:Audit Mode";

    private static readonly KeyValuePair<int, string>[] Bits =
    [
        new(2, "Enabled:UMCI"),
        new(3, "Enabled:Boot Menu Protection"),
        new(4, "Enabled:Intelligent Security Graph Authorization"),
        new(5, "Enabled:Invalidate EAs on Reboot"),
        new(7, "Required:WHQL"),
        new(10, "Enabled:Allow Supplemental Policies"),
        new(11, "Disabled:Runtime FilePath Rule Protection"),
        new(13, "Enabled:Revoked Expired As Unsigned"),
        new(16, AuditMode),
        new(17, "Disabled:Flight Signing"),
        new(18, "Enabled:Inherit Default Policy"),
        new(19, "Enabled:Unsigned System Integrity Policy"),
        new(20, "Enabled:Dynamic Code Security"),
        new(21, "Required:EV Signers"),
        new(22, "Enabled:Boot Audit On Failure"),
        new(23, "Enabled:Advanced Boot Options Menu"),
        new(24, "Disabled:Script Enforcement"),
        new(25, "Required:Enforce Store Applications"),
        new(27, "Enabled:Managed Installer"),
        new(28, "Enabled:Update Policy No Reboot"),
    ];

    /// <summary>
    /// The rule options set in <paramref name="flags"/>, in bit order. The top two bits are the format's own (0x80000000 set in
    /// every policy, 0x40000000 for a policy merged from supplementals) and are not options; another bit without a documented
    /// name is given as <c>Bit N (0x...)</c>.
    /// </summary>
    internal static List<string> Names(uint flags)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 30; bit++)
        {
            if ((flags & (1u << bit)) == 0)
            {
                continue;
            }

            var name = Array.Find(Bits, b => b.Key == bit).Value;
            names.Add(name ?? string.Format(CultureInfo.InvariantCulture, "Bit {0} (0x{1:X8})", bit, 1u << bit));
        }

        return names;
    }

    /// <summary>Whether a rule option as CiTool or a policy names it is the audit-mode one (a trailing "(Default)" allowed).</summary>
    internal static bool IsAuditMode(string option) =>
        option is not null && option.Trim().StartsWith(AuditMode, StringComparison.OrdinalIgnoreCase);
}
