using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// One Code Integrity Operational event, read from its data by name (never by position: the templates changed between
/// versions). File and process paths are kept as logged, an NT path such as <c>\Device\HarddiskVolume3\Windows\...</c>;
/// <see cref="FileVolume"/> and <see cref="FileDisplayPath"/> split such a path into its volume device and the path inside
/// it (which drive letter the volume has is not in the event). A block or audit event carries the signatures of the 3089
/// events correlated with it.
/// </summary>
public sealed class CodeIntegrityEvent
{
    /// <summary>The event id (3076, 3077, 3089, 3099, 3033, 3034, ...).</summary>
    public int EventId { get; internal set; }

    /// <summary>What the event reports.</summary>
    public CodeIntegrityEventKind Kind { get; internal set; }

    /// <summary>The template version the event was written with.</summary>
    public int? TemplateVersion { get; internal set; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTimeOffset? TimeCreated { get; internal set; }

    /// <summary>The record's number in the log.</summary>
    public long? RecordId { get; internal set; }

    /// <summary>System/Correlation/@ActivityID, which joins a 3089 to its block event.</summary>
    public Guid? ActivityId { get; internal set; }

    /// <summary>The computer that logged it.</summary>
    public string? Computer { get; internal set; }

    /// <summary>The SID the event was logged under.</summary>
    public string? UserId { get; internal set; }

    /// <summary>The file, as logged (<c>File Name</c>, or <c>FileNameBuffer</c> in 3033/3034).</summary>
    public string? FilePath { get; internal set; }

    /// <summary>The volume device of an NT path (<c>HarddiskVolume3</c>); null for another path.</summary>
    public string? FileVolume { get; internal set; }

    /// <summary>The file's path inside its volume (<c>\Windows\System32\scrobj.dll</c>), or the path as logged when it is not an NT device path.</summary>
    public string? FileDisplayPath { get; internal set; }

    /// <summary>The file's name without its folder (<c>scrobj.dll</c>).</summary>
    public string? FileName { get; internal set; }

    /// <summary>The process that loaded it, as logged (<c>Process Name</c>, or <c>ProcessNameBuffer</c>).</summary>
    public string? ProcessPath { get; internal set; }

    /// <summary>The process's file name without its folder (<c>regsvr32.exe</c>).</summary>
    public string? ProcessName { get; internal set; }

    /// <summary><c>Requested Signing Level</c> (<c>RequestedPolicy</c> in 3033/3034).</summary>
    public int? RequestedSigningLevel { get; internal set; }

    /// <summary><see cref="RequestedSigningLevel"/> in words.</summary>
    public string? RequestedSigningLevelName { get; internal set; }

    /// <summary><c>Validated Signing Level</c> (<c>ValidatedPolicy</c> in 3033/3034).</summary>
    public int? ValidatedSigningLevel { get; internal set; }

    /// <summary><see cref="ValidatedSigningLevel"/> in words.</summary>
    public string? ValidatedSigningLevelName { get; internal set; }

    /// <summary><c>Status</c> as logged (<c>0xc0e90002</c>, or a decimal number in 3033).</summary>
    public string? Status { get; internal set; }

    /// <summary><c>SHA1 Hash</c> (the Authenticode hash).</summary>
    public string? Sha1Hash { get; internal set; }

    /// <summary><c>SHA256 Hash</c> (the Authenticode hash a hash rule matches).</summary>
    public string? Sha256Hash { get; internal set; }

    /// <summary><c>PolicyName</c> (3076/3077) or <c>PolicyNameBuffer</c> (3099): the policy's name.</summary>
    public string? PolicyName { get; internal set; }

    /// <summary><c>PolicyID</c> (3076/3077) or <c>PolicyIdBuffer</c> (3099): the policy's own id string (its PolicyInfo Id setting), not a GUID.</summary>
    public string? PolicyIdText { get; internal set; }

    /// <summary><c>PolicyGUID</c>: the policy's id.</summary>
    public Guid? PolicyGuid { get; internal set; }

    /// <summary><c>PolicyHash</c>.</summary>
    public string? PolicyHash { get; internal set; }

    /// <summary>3099 <c>Options</c>: the loaded policy's option bits (bit 16 is audit mode).</summary>
    public uint? PolicyOptionFlags { get; internal set; }

    /// <summary>The rule options <see cref="PolicyOptionFlags"/> stand for; empty when the event has none.</summary>
    public IReadOnlyList<string> PolicyOptions { get; internal set; } = [];

    /// <summary>For a 3099: whether the loaded policy is in audit mode; null for other events.</summary>
    public bool? PolicyIsAuditMode => PolicyOptionFlags is { } f ? (f & CompiledPolicyFacts.AuditModeFlag) != 0 : null;

    /// <summary><c>OriginalFileName</c> from the file's version resource.</summary>
    public string? OriginalFileName { get; internal set; }

    /// <summary><c>InternalName</c>.</summary>
    public string? InternalName { get; internal set; }

    /// <summary><c>FileDescription</c>.</summary>
    public string? FileDescription { get; internal set; }

    /// <summary><c>ProductName</c>.</summary>
    public string? ProductName { get; internal set; }

    /// <summary><c>FileVersion</c>.</summary>
    public string? FileVersion { get; internal set; }

    /// <summary><c>SI Signing Scenario</c> as logged (the vector's user-mode DLL has 1).</summary>
    public int? SigningScenario { get; internal set; }

    /// <summary><c>UserWriteable</c>: whether a non-administrator could write the file.</summary>
    public bool? UserWriteable { get; internal set; }

    /// <summary>The file's signatures: for a block or audit event those of its correlated 3089 events, for a 3089 its own; empty when none was logged.</summary>
    public IReadOnlyList<CodeIntegritySignature> Signatures { get; internal set; } = [];

    /// <summary>Whether the event says the file was blocked (3077, 3033).</summary>
    public bool IsBlocked => Kind is CodeIntegrityEventKind.Blocked or CodeIntegrityEventKind.SigningLevelBlocked;

    /// <summary>Whether the event says the file would have been blocked (3076, 3034).</summary>
    public bool IsAudit => Kind is CodeIntegrityEventKind.Audit or CodeIntegrityEventKind.SigningLevelAudit;

    /// <summary>
    /// Who signed the file, in words: the publishers of its signatures (joined with "; "), <c>(unsigned)</c> when the 3089
    /// says it has none, null when no signature information was logged with the event.
    /// </summary>
    public string? Signer => Signatures.Count == 0 ? null
        : Signatures.All(s => s.IsUnsigned) ? "(unsigned)"
        : string.Join("; ", Signatures.Where(s => !s.IsUnsigned).Select(s => s.PublisherName ?? "(no publisher name)").Distinct(StringComparer.Ordinal));

    /// <summary>The issuers of the file's signatures (joined with "; "); null when none is known.</summary>
    public string? Issuer => Signatures.Any(s => s.IssuerName is not null)
        ? string.Join("; ", Signatures.Where(s => s.IssuerName is not null).Select(s => s.IssuerName!).Distinct(StringComparer.Ordinal))
        : null;

    /// <inheritdoc />
    public override string ToString() => $"{EventId} {Kind} {TimeCreated:o} {FilePath ?? PolicyName}";
}
