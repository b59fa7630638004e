using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// The Secure Boot variables and the vendor GUIDs they live under (UEFI 2.10 §3.3 and §32.6): the global variable GUID
/// holds the key hierarchy's top (PK, KEK), the mode variables and the defaults; the image security database GUID holds
/// the signature databases (db, dbx, dbt, dbr).
/// </summary>
public static class EfiVariableNames
{
    /// <summary>EFI_GLOBAL_VARIABLE, 8be4df61-93ca-11d2-aa0d-00e098032b8c.</summary>
    public static readonly Guid GlobalVariable = new("8be4df61-93ca-11d2-aa0d-00e098032b8c");

    /// <summary>EFI_IMAGE_SECURITY_DATABASE_GUID, d719b2cb-3d3a-4596-a3bc-dad00e67656f.</summary>
    public static readonly Guid ImageSecurityDatabase = new("d719b2cb-3d3a-4596-a3bc-dad00e67656f");

    /// <summary><c>PK</c>, the platform key (global): one X.509 certificate in an EFI_SIGNATURE_LIST; none means setup mode.</summary>
    public const string PlatformKey = "PK";

    /// <summary><c>KEK</c>, the key exchange keys (global): the keys that may sign db and dbx updates.</summary>
    public const string KeyExchangeKey = "KEK";

    /// <summary><c>SecureBoot</c> (global): one byte, 1 when the firmware enforces Secure Boot on this boot.</summary>
    public const string SecureBoot = "SecureBoot";

    /// <summary><c>SetupMode</c> (global): one byte, 1 when no PK is enrolled.</summary>
    public const string SetupMode = "SetupMode";

    /// <summary><c>AuditMode</c> (global): one byte.</summary>
    public const string AuditMode = "AuditMode";

    /// <summary><c>DeployedMode</c> (global): one byte.</summary>
    public const string DeployedMode = "DeployedMode";

    /// <summary><c>PKDefault</c> (global): the platform's default PK.</summary>
    public const string PlatformKeyDefault = "PKDefault";

    /// <summary><c>KEKDefault</c> (global): the platform's default KEK.</summary>
    public const string KeyExchangeKeyDefault = "KEKDefault";

    /// <summary><c>dbDefault</c> (global): the platform's default db.</summary>
    public const string DbDefault = "dbDefault";

    /// <summary><c>dbxDefault</c> (global): the platform's default dbx.</summary>
    public const string DbxDefault = "dbxDefault";

    /// <summary><c>SignatureSupport</c> (global): an array of the signature type GUIDs the firmware supports.</summary>
    public const string SignatureSupport = "SignatureSupport";

    /// <summary><c>db</c> (image security database): the allowed signatures.</summary>
    public const string Db = "db";

    /// <summary><c>dbx</c> (image security database): the forbidden signatures (the revocation list).</summary>
    public const string Dbx = "dbx";

    /// <summary><c>dbt</c> (image security database): the time-stamp signatures.</summary>
    public const string Dbt = "dbt";

    /// <summary><c>dbr</c> (image security database): the recovery signatures.</summary>
    public const string Dbr = "dbr";

    private static readonly EfiVariableId[] Variables =
    [
        new(PlatformKey, GlobalVariable),
        new(KeyExchangeKey, GlobalVariable),
        new(Db, ImageSecurityDatabase),
        new(Dbx, ImageSecurityDatabase),
        new(Dbt, ImageSecurityDatabase),
        new(Dbr, ImageSecurityDatabase),
        new(SecureBoot, GlobalVariable),
        new(SetupMode, GlobalVariable),
        new(AuditMode, GlobalVariable),
        new(DeployedMode, GlobalVariable),
        new(PlatformKeyDefault, GlobalVariable),
        new(KeyExchangeKeyDefault, GlobalVariable),
        new(DbDefault, GlobalVariable),
        new(DbxDefault, GlobalVariable),
        new(SignatureSupport, GlobalVariable),
    ];

    /// <summary>Every Secure Boot variable above with its vendor GUID: the keys and databases first, then the modes, the defaults and SignatureSupport.</summary>
    public static IReadOnlyList<EfiVariableId> SecureBootVariables => Variables;

    /// <summary>The vendor GUID a Secure Boot variable lives under (exact, case-sensitive name), or null for a name not listed here.</summary>
    public static Guid? VendorOf(string name)
    {
        foreach (var variable in Variables)
        {
            if (string.Equals(variable.Name, name, StringComparison.Ordinal))
            {
                return variable.Vendor;
            }
        }

        return null;
    }
}
