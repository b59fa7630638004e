namespace AzureLocalSecurity.MeasuredBoot.Security;

/// <summary>
/// One thing a measured-boot log proves about the boot it records (Secure Boot on, a key database measured, test signing
/// off, ...), tied to the record that proves it. When the log does not say, <see cref="Enabled"/> is null and
/// <see cref="Reason"/> says why.
/// </summary>
public sealed class BootSecurityFact
{
    internal BootSecurityFact(string name, string category, bool? enabled, string value, TcgEvent? proof, string? detail, string? reason)
    {
        Name = name;
        Category = category;
        Enabled = enabled;
        Value = value;
        EventIndex = proof?.Index;
        PcrIndex = proof is null || proof.PcrIndex == uint.MaxValue ? null : (int)proof.PcrIndex;
        EventType = proof?.EventTypeName;
        Detail = detail;
        Reason = reason;
    }

    /// <summary>What the fact is about: SecureBoot, PK, KEK, db, dbx, BootAuthority, BootDebugging, TestSigning, Vsm, Hvci, ...</summary>
    public string Name { get; }

    /// <summary>SecureBoot (UEFI, PCR 7), Windows (the boot manager's and loader's SIPA events) or Drtm.</summary>
    public string Category { get; }

    /// <summary>On (true), off (false), or null when the log does not say.</summary>
    public bool? Enabled { get; }

    /// <summary>What the log says, in words: On, Off, the certificates measured, the unlock method, ...</summary>
    public string Value { get; }

    /// <summary>The index of the record that proves the fact (0 is the log's first record), or null when none does.</summary>
    public int? EventIndex { get; }

    /// <summary>The PCR that record was extended into, or null (no record, or a record Windows logs without extending).</summary>
    public int? PcrIndex { get; }

    /// <summary>The record's event type name, such as EV_EFI_VARIABLE_DRIVER_CONFIG or EV_EVENT_TAG.</summary>
    public string? EventType { get; }

    /// <summary>More of what the record holds (the SIPA event, the certificate list), or null.</summary>
    public string? Detail { get; }

    /// <summary>Why <see cref="Enabled"/> is null, or a note on how the fact was decided.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Name + ": " + Value;
}
