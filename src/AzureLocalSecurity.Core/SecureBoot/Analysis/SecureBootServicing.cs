using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>
/// Windows' own account of the 2023 Secure Boot certificate servicing (KB5068202, KB5025885): the updates still queued in
/// AvailableUpdates, the servicing status and error, and whether the node is capable of booting the 2023 boot manager.
/// A value that could not be read is null with its reason in <see cref="Unknowns"/>.
/// </summary>
public sealed class SecureBootServicing
{
    /// <summary>The node.</summary>
    public string ComputerName { get; internal set; } = string.Empty;

    /// <summary>AvailableUpdates: the bits of the updates Windows still has to apply (0 when none is pending).</summary>
    public uint? AvailableUpdates { get; internal set; }

    /// <summary>The pending updates by name, such as "Windows UEFI CA 2023 to db" or "KEK 2023".</summary>
    public IReadOnlyList<string>? PendingUpdates { get; internal set; }

    /// <summary>AvailableUpdates bits this module has no name for.</summary>
    public uint? UnknownUpdateBits { get; internal set; }

    /// <summary>Servicing\UEFICA2023Status: NotStarted, InProgress or Updated.</summary>
    public string? Status { get; internal set; }

    /// <summary>Servicing\UEFICA2023Error: the last servicing error (0 when none).</summary>
    public uint? Error { get; internal set; }

    /// <summary>Servicing\WindowsUEFICA2023Capable: 0 the 2023 CA is not in db, 1 it is, 2 it is and the node boots the 2023-signed boot manager.</summary>
    public uint? WindowsUefiCa2023Capable { get; internal set; }

    /// <summary>What <see cref="WindowsUefiCa2023Capable"/> means, in words.</summary>
    public string? Capability { get; internal set; }

    /// <summary>Where each value came from, by property name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Each value that could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];
}
