using System;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// The LDAP query that finds a recovery password's AD DS backup: an msFVE-RecoveryInformation object whose
/// msFVE-RecoveryGuid (an octet string holding the key protector's GUID in its binary layout, the byte order of
/// <see cref="Guid.ToByteArray()"/>) is the protector's ID. Octet-string values are written in a filter as <c>\xx</c> per
/// byte (RFC 4515 §3). Pure, so the filter is tested off Windows.
/// </summary>
public static class BitLockerDirectoryQuery
{
    /// <summary>The attribute holding the protector's GUID.</summary>
    public const string RecoveryGuidAttribute = "msFVE-RecoveryGuid";

    /// <summary>The confidential attribute holding the recovery password.</summary>
    public const string RecoveryPasswordAttribute = "msFVE-RecoveryPassword";

    /// <summary>The filter for <paramref name="protectorId"/>'s recovery object.</summary>
    public static string Filter(Guid protectorId)
    {
        var text = new StringBuilder("(&(objectClass=msFVE-RecoveryInformation)(" + RecoveryGuidAttribute + "=", 120);
        foreach (var b in protectorId.ToByteArray())
        {
            text.Append('\\').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.Append("))").ToString();
    }
}
