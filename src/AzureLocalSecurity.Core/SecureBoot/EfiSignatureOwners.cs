using System;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>The SignatureOwner GUIDs this module names (FORMATS.md §1; secureboot_objects scripts/utility_functions.py).</summary>
public static class EfiSignatureOwners
{
    /// <summary>Microsoft's owner GUID, on its certificates and dbx hashes.</summary>
    public static Guid Microsoft { get; } = new("77fa9abd-0359-4d32-bd60-28f4e78f784b");

    /// <summary>The owner of Windows boot-manager SVN records, which sit in a SHA-256 list of dbx.</summary>
    public static Guid WindowsSvn { get; } = new("9d132b6c-59d5-4388-ab1c-185cfcb2eb92");

    /// <summary>"Microsoft", "Windows SVN", or null for an owner this module does not name.</summary>
    public static string? NameOf(Guid owner)
    {
        if (owner == Microsoft)
        {
            return "Microsoft";
        }

        return owner == WindowsSvn ? "Windows SVN" : null;
    }
}
