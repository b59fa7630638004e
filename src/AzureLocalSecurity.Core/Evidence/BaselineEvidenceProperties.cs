namespace AzureLocalSecurity.Evidence;

/// <summary>The record property names of the <see cref="BaselineEvidenceIds"/> items, shared by the collector and the reader.</summary>
internal static class BaselineEvidenceProperties
{
    internal const string Right = "Right";
    internal const string Sids = "Sids";
    internal const string Error = "Error";
    internal const string ErrorCode = "ErrorCode";

    internal const string MinPasswdLen = "MinPasswdLen";
    internal const string MaxPasswdAge = "MaxPasswdAge";
    internal const string MinPasswdAge = "MinPasswdAge";
    internal const string ForceLogoff = "ForceLogoff";
    internal const string PasswordHistLen = "PasswordHistLen";

    internal const string LockoutDuration = "LockoutDuration";
    internal const string LockoutObservationWindow = "LockoutObservationWindow";
    internal const string LockoutThreshold = "LockoutThreshold";

    internal const string SubcategoryGuid = "SubcategoryGuid";
    internal const string AuditingInformation = "AuditingInformation";

    internal const string Rid = "Rid";
    internal const string Sid = "Sid";
    internal const string Name = "Name";
    internal const string Flags = "Flags";

    internal const string CodeIntegrityOptions = "CodeIntegrityOptions";
    internal const string Flags0 = "Flags0";
    internal const string Flags1 = "Flags1";
    internal const string DmaGuardPolicyEnabled = "DmaGuardPolicyEnabled";

    internal const string StructVersion = "StructVersion";
    internal const string TpmVersion = "TpmVersion";
    internal const string TpmInterfaceType = "TpmInterfaceType";
    internal const string TpmImpRevision = "TpmImpRevision";
}
