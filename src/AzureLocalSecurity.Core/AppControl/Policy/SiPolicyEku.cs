namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>An <c>EKUs/EKU</c>: an extended key usage a signer can require (<c>CertEKU</c>).</summary>
public sealed class SiPolicyEku
{
    /// <summary>The ID signers refer to. A compiled policy does not hold it: read from one, it is <c>ID_EKU_E_&lt;n&gt;</c>.</summary>
    public string? Id { get; set; }

    /// <summary>A description (XML only).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The value as hex (in Microsoft's files: 01, the OID's DER length, then the OID's DER content).</summary>
    public string? Value { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id ?? Value ?? "EKU";
}
