namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>The <c>Type</c> of a signer's <c>CertRoot</c>; the numbers are what a compiled policy stores.</summary>
public enum SiPolicyCertRootType
{
    /// <summary>"TBS": the value is the hash of a certificate's to-be-signed part.</summary>
    Tbs = 0,

    /// <summary>"Wellknown": the value is one byte naming one of Windows' known roots (04 Microsoft Product Root 1997, ...).</summary>
    WellKnown = 1,
}
