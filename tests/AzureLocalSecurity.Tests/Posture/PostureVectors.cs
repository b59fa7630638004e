using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.Posture;

/// <summary>The recorded bundles the posture tests read, and bundles made from them.</summary>
internal static class PostureVectors
{
    internal static string BitLockerNode => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "bitlocker", "azure-local-node.zip");

    internal static string SecuredCoreNode => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip");

    /// <summary><paramref name="bundle"/> with its Win32_EncryptableVolume records replaced by <paramref name="volumes"/>' (the mount paths and CSVs stay).</summary>
    internal static EvidenceBundle WithVolumes(EvidenceBundle bundle, params BitLockerBundles.RecordedVolume[] volumes)
    {
        var old = bundle.Find(BitLockerEvidenceIds.EncryptableVolumes)!;
        var replaced = EvidenceItem.ForRecords(old.Id, old.Source, old.CapturedAt, volumes.Select(v => v.Record()).ToList());
        return new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Select(i => i.Id == old.Id ? replaced : i));
    }

    /// <summary><paramref name="bundle"/> under another node name.</summary>
    internal static EvidenceBundle Renamed(EvidenceBundle bundle, string nodeName) =>
        new(bundle.SchemaVersion, new NodeIdentity(nodeName, bundle.Node.Platform, bundle.Node.OperatingSystem, bundle.Node.Architecture), bundle.CapturedAt, bundle.ModuleVersion, bundle.Items);
}
