namespace AzureLocalSecurity.Tpm;

/// <summary>A TPM2_CreatePrimary or TPM2_ReadPublic answer: the object's handle (0 for ReadPublic), public area and name.</summary>
public sealed class TpmCreatedObject
{
    internal TpmCreatedObject(uint handle, TpmPublicArea publicArea, byte[] name)
    {
        Handle = handle;
        PublicArea = publicArea;
        Name = name;
    }

    /// <summary>The handle the TPM gave a created object (transient: flush it), or the handle that was read.</summary>
    public uint Handle { get; }

    /// <summary>The public area.</summary>
    public TpmPublicArea PublicArea { get; }

    /// <summary>The name the TPM reported.</summary>
    public byte[] Name { get; }
}
