using System.Collections.Generic;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// The ACL every recovery password backup file gets, as data: full control for BUILTIN\Administrators and
/// NT AUTHORITY\SYSTEM only, protected from inheritance (no inherited entry survives), owner Administrators.
/// The Windows executor builds its FileSecurity from this, and reads it back to check.
/// </summary>
public static class BitLockerBackupFileAcl
{
    /// <summary>BUILTIN\Administrators.</summary>
    public const string AdministratorsSid = "S-1-5-32-544";

    /// <summary>NT AUTHORITY\SYSTEM (LocalSystem).</summary>
    public const string SystemSid = "S-1-5-18";

    /// <summary>The only SIDs allowed, each with full control.</summary>
    public static IReadOnlyList<string> AllowedSids { get; } = [AdministratorsSid, SystemSid];

    /// <summary>Inheritance from the folder is cut off, so nothing else can be granted by the parent.</summary>
    public static bool ProtectedFromInheritance => true;

    /// <summary>The owner the file is given.</summary>
    public static string OwnerSid => AdministratorsSid;

    /// <summary>Whether an ACL read back (allow entries' SIDs, any deny entries, inheritance protection) is exactly this spec.</summary>
    public static bool Matches(IEnumerable<string> allowedSids, bool hasOtherEntries, bool isProtected)
    {
        if (allowedSids is null || hasOtherEntries || !isProtected)
        {
            return false;
        }

        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var sid in allowedSids)
        {
            if (sid != AdministratorsSid && sid != SystemSid)
            {
                return false;
            }

            seen.Add(sid);
        }

        return seen.Count == AllowedSids.Count;
    }
}
