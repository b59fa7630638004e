namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>What a policy file held.</summary>
public enum SiPolicyFileFormat
{
    /// <summary>Policy XML (urn:schemas-microsoft-com:sipolicy).</summary>
    Xml,

    /// <summary>A compiled policy (.cip, SiPolicy.p7b), signed or not.</summary>
    Binary,
}
