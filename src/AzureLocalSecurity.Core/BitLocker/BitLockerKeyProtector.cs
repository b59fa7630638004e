namespace AzureLocalSecurity.BitLocker;

/// <summary>One key protector of a volume: its ID and type. Never the secret it protects.</summary>
public sealed class BitLockerKeyProtector
{
    /// <summary>Creates a protector description.</summary>
    public BitLockerKeyProtector(string id, BitLockerKeyProtectorType type)
    {
        Id = id ?? throw new System.ArgumentNullException(nameof(id));
        Type = type;
    }

    /// <summary>The VolumeKeyProtectorID, such as <c>{8A2B...}</c>.</summary>
    public string Id { get; }

    /// <summary>What kind of protector it is.</summary>
    public BitLockerKeyProtectorType Type { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Id}";
}
