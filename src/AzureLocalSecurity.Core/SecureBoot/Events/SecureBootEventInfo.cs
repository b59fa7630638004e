namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>What the module knows about one Secure Boot servicing event of Microsoft-Windows-TPM-WMI.</summary>
public sealed class SecureBootEventInfo
{
    internal SecureBootEventInfo(int id, SecureBootEventOutcome? outcome, string description, string? remedy, string reference)
    {
        Id = id;
        Outcome = outcome;
        Description = description;
        Remedy = remedy;
        Reference = reference;
    }

    /// <summary>The event id.</summary>
    public int Id { get; }

    /// <summary>
    /// What the event says happened, or null where Microsoft's documentation could not be confirmed here: such an event is
    /// then judged by the Level Windows logged it at.
    /// </summary>
    public SecureBootEventOutcome? Outcome { get; }

    /// <summary>What the event means, in the module's words (never the localized message text).</summary>
    public string Description { get; }

    /// <summary>What to do about it, where Microsoft documents a step; null otherwise.</summary>
    public string? Remedy { get; }

    /// <summary>Where the meaning comes from, such as <c>KB5016061</c>.</summary>
    public string Reference { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Description}";
}
