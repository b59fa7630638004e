namespace AzureLocalSecurity.Tpm;

/// <summary>TPMS_TAGGED_PROPERTY: one TPM property (TPM_PT) and its value.</summary>
public sealed class TpmTaggedProperty
{
    /// <summary>Creates the pair.</summary>
    public TpmTaggedProperty(uint property, uint value)
    {
        Property = property;
        Value = value;
    }

    /// <summary>The property (TPM_PT).</summary>
    public uint Property { get; }

    /// <summary>Its value.</summary>
    public uint Value { get; }
}
