using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot.Security;

/// <summary>
/// What one measured-boot log proves about the boot it records: Secure Boot and the key databases measured in PCR 7, the
/// authorities that let boot applications run, and (for a Windows boot) boot and kernel debugging, test signing, code
/// integrity, VSM, HVCI, Credential Guard, the BitLocker unlock, DRTM and the ELAM driver. Every fact names its record.
/// </summary>
public sealed class BootSecurityState
{
    private readonly BootSecurityFact[] _facts;

    internal BootSecurityState(string? source, TcgEventLog log, bool isWindowsBoot, IEnumerable<BootSecurityFact> facts, IEnumerable<string> pk, IEnumerable<string> kek, IEnumerable<string> db, IEnumerable<string> authorities)
    {
        Source = source;
        Format = log.Format;
        EventCount = log.Events.Count;
        IsWindowsBoot = isWindowsBoot;
        _facts = facts.ToArray();
        PlatformKeys = pk.ToArray();
        KeyExchangeKeys = kek.ToArray();
        DbCertificates = db.ToArray();
        BootAuthorities = authorities.ToArray();
    }

    /// <summary>Where the log came from (a path, or a description of the reader), or null.</summary>
    public string? Source { get; }

    /// <summary>The log's format.</summary>
    public TcgEventLogFormat Format { get; }

    /// <summary>How many records the log holds.</summary>
    public int EventCount { get; }

    /// <summary>Whether a Windows boot application measured SIPA events (the Windows facts are decided only then).</summary>
    public bool IsWindowsBoot { get; }

    /// <summary>Whether Secure Boot was on for this boot (the SecureBoot variable measured in PCR 7), or null when not measured.</summary>
    public bool? SecureBootEnabled => Find("SecureBoot")?.Enabled;

    /// <summary>The certificates of the PK measured at boot (Microsoft's name for a Microsoft certificate, else the subject).</summary>
    public IReadOnlyList<string> PlatformKeys { get; }

    /// <summary>The certificates of the KEK measured at boot.</summary>
    public IReadOnlyList<string> KeyExchangeKeys { get; }

    /// <summary>The certificates of db measured at boot.</summary>
    public IReadOnlyList<string> DbCertificates { get; }

    /// <summary>The db entries that authorized boot applications (EV_EFI_VARIABLE_AUTHORITY records in PCR 7).</summary>
    public IReadOnlyList<string> BootAuthorities { get; }

    /// <summary>Every fact, Secure Boot first.</summary>
    public IReadOnlyList<BootSecurityFact> Facts => _facts;

    /// <summary>The fact with this name (case-insensitive), or null.</summary>
    public BootSecurityFact? Find(string name) => _facts.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => $"Secure Boot {(SecureBootEnabled is null ? "unknown" : SecureBootEnabled.Value ? "on" : "off")}, {_facts.Length} facts from {EventCount} records";
}
