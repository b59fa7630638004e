using System;
using System.IO;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>An NVRAM file (a VM's OVMF_VARS.fd, a firmware dump) as an evidence bundle, so it is audited like a live node.</summary>
public static class FirmwareVariableStoreBundle
{
    /// <summary>Reads and parses the file; <see cref="FirmwareVariableStoreException"/> when it is not a variable store.</summary>
    public static EvidenceBundle FromFile(string path, DateTimeOffset capturedAt)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A path is required.", nameof(path));
        }

        var info = new FileInfo(path);
        if (info.Length > FirmwareVariableStore.MaxImageSize)
        {
            throw new FirmwareVariableStoreException($"The file is {info.Length} bytes; a firmware variable store holds at most {FirmwareVariableStore.MaxImageSize}.", FirmwareVariableStore.MaxImageSize);
        }

        var store = FirmwareVariableStore.Parse(File.ReadAllBytes(path));
        var source = "variable store " + info.FullName;
        var items = new System.Collections.Generic.List<EvidenceItem>
        {
            EvidenceItem.ForRecords(SecureBootEvidenceIds.VariableStore, source, capturedAt,
            [
                new EvidenceRecord(
                [
                    new("Path", EvidenceValue.FromString(info.FullName)),
                    new("Size", EvidenceValue.FromUInt64((ulong)info.Length)),
                    new("Authenticated", EvidenceValue.FromBoolean(store.IsAuthenticated)),
                ]),
            ]),
        };
        items.AddRange(FirmwareVariableEvidence.ToEvidence(store, source, capturedAt));
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity(info.Name, NodePlatform.Unknown, "UEFI variable store image", string.Empty), capturedAt, ModuleInfo.Version, items, info.FullName);
    }
}
