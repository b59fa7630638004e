using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads this node's BitLocker facts into the ids <see cref="BitLockerEvidenceIds"/> documents: every encryptable volume's
/// state and key protector IDs and types, the volumes' mount paths, and the cluster's CSVs with their owner nodes. Thin:
/// the CIM work is <see cref="WindowsBitLockerCimReader"/>'s; every failure is an item's error, nothing throws, nothing is
/// decided here.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsBitLockerCollector : IEvidenceCollector
{
    /// <inheritdoc />
    public string Name => "WindowsBitLocker";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return WindowsBitLockerCimReader.ForEveryClass(context.Clock, _ => new EvidenceError(EvidenceErrorCategory.NotSupported, "Windows facts are read only on Windows."));
        }

        try
        {
            return WindowsBitLockerCimReader.Read(context.Clock);
        }
#pragma warning disable CA1031 // A failure the reader did not foresee must not end the capture; each class keeps it as its error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return WindowsBitLockerCimReader.ForEveryClass(context.Clock, _ => new EvidenceError(EvidenceErrorCategory.Failed, $"{ex.GetType().Name}: {ex.Message}", ex.HResult));
        }
    }
}
