using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The block and audit events of one file with one signer on one node: how often, first and last seen, what happened, under
/// which policies and from which processes. What an administrator reads to decide on a supplemental policy rule.
/// </summary>
public sealed class CodeIntegrityEventGroup
{
    /// <summary>The node the events were read on.</summary>
    public string NodeName { get; internal set; } = string.Empty;

    /// <summary>The file, as logged (an NT path).</summary>
    public string? FilePath { get; internal set; }

    /// <summary>The file's path inside its volume.</summary>
    public string? FileDisplayPath { get; internal set; }

    /// <summary>The file's name.</summary>
    public string? FileName { get; internal set; }

    /// <summary>The publishers of the file's signatures, <c>(unsigned)</c>, or null when no signature information was logged.</summary>
    public string? Signer { get; internal set; }

    /// <summary>The issuers of the file's signatures.</summary>
    public string? Issuer { get; internal set; }

    /// <summary>The SHA-256 Authenticode hashes logged for the file (more than one when it changed).</summary>
    public IReadOnlyList<string> Sha256Hashes { get; internal set; } = [];

    /// <summary>How many block and audit events.</summary>
    public int Count { get; internal set; }

    /// <summary>The earliest of them.</summary>
    public DateTimeOffset? FirstSeen { get; internal set; }

    /// <summary>The latest of them.</summary>
    public DateTimeOffset? LastSeen { get; internal set; }

    /// <summary>What happened: Blocked, Audit, SigningLevelBlocked, SigningLevelAudit.</summary>
    public IReadOnlyList<CodeIntegrityEventKind> Kinds { get; internal set; } = [];

    /// <summary>The policies named in the events.</summary>
    public IReadOnlyList<string> Policies { get; internal set; } = [];

    /// <summary>The processes that loaded the file, as logged.</summary>
    public IReadOnlyList<string> Processes { get; internal set; } = [];

    /// <summary>Whether any of the events was a block (not only audit).</summary>
    public bool WasBlocked => Kinds.Any(k => k is CodeIntegrityEventKind.Blocked or CodeIntegrityEventKind.SigningLevelBlocked);

    /// <summary>The events themselves, newest first.</summary>
    public IReadOnlyList<CodeIntegrityEvent> Events { get; internal set; } = [];

    /// <summary>
    /// Groups the block and audit events among <paramref name="events"/> (3076, 3077, 3033, 3034; 3089 and 3099 are not
    /// groups of their own) by file path (without regard to case) and signer, latest first.
    /// </summary>
    public static IReadOnlyList<CodeIntegrityEventGroup> Group(string nodeName, IEnumerable<CodeIntegrityEvent> events)
    {
        if (events is null)
        {
            throw new ArgumentNullException(nameof(events));
        }

        return events
            .Where(e => e.IsBlocked || e.IsAudit)
            .GroupBy(e => (Path: (e.FilePath ?? string.Empty).ToUpperInvariant(), e.Signer))
            .Select(g =>
            {
                var list = g.OrderByDescending(e => e.TimeCreated ?? DateTimeOffset.MinValue).ToList();
                var sample = list[0];
                return new CodeIntegrityEventGroup
                {
                    NodeName = nodeName ?? string.Empty,
                    FilePath = sample.FilePath,
                    FileDisplayPath = sample.FileDisplayPath,
                    FileName = sample.FileName,
                    Signer = sample.Signer,
                    Issuer = list.Select(e => e.Issuer).FirstOrDefault(i => i is not null),
                    Sha256Hashes = Distinct(list.Select(e => e.Sha256Hash)),
                    Count = list.Count,
                    FirstSeen = list.Min(e => e.TimeCreated),
                    LastSeen = list.Max(e => e.TimeCreated),
                    Kinds = list.Select(e => e.Kind).Distinct().OrderBy(k => k).ToList(),
                    Policies = Distinct(list.Select(e => e.PolicyName ?? e.PolicyIdText)),
                    Processes = Distinct(list.Select(e => e.ProcessPath)),
                    Events = list,
                };
            })
            .OrderByDescending(g => g.LastSeen ?? DateTimeOffset.MinValue)
            .ThenBy(g => g.FilePath, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <inheritdoc />
    public override string ToString() => $"{NodeName} {FileName} {Signer} x{Count}";
}
