using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.Tests.SecureBoot.Lists;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>
/// A node at some point of the rollover, laid out as a real file tree: efivarfs files (4-byte attribute prefix, then
/// EFI signature lists of Microsoft's published certificates) and an EFI system partition under /boot/efi, read by the
/// real Linux collector; Windows' servicing registry values are added as the Windows collector records them.
/// </summary>
internal sealed class RolloverNode : IDisposable
{
    internal static readonly Guid Global = new("8be4df61-93ca-11d2-aa0d-00e098032b8c");
    internal static readonly Guid ImageSecurity = new("d719b2cb-3d3a-4596-a3bc-dad00e67656f");

    internal static readonly Dictionary<string, string> CertificateFiles = new(StringComparer.Ordinal)
    {
        [MicrosoftSecureBootCertificates.KekCa2011] = "MicCorKEKCA2011.der",
        [MicrosoftSecureBootCertificates.KekCa2023] = "MicrosoftCorporationKEK2KCA2023.der",
        [MicrosoftSecureBootCertificates.WindowsProductionPca2011] = "MicWinProPCA2011.der",
        [MicrosoftSecureBootCertificates.UefiCa2011] = "MicCorUEFCA2011.der",
        [MicrosoftSecureBootCertificates.WindowsUefiCa2023] = "WindowsUEFICA2023.der",
        [MicrosoftSecureBootCertificates.UefiCa2023] = "MicrosoftUEFICA2023.der",
        [MicrosoftSecureBootCertificates.OptionRomUefiCa2023] = "MicrosoftOptionROMUEFICA2023.der",
        [MicrosoftSecureBootCertificates.WindowsOemDevicesPk] = "WindowsOEMDevicesPK.der",
    };

    private readonly TempDir _root = new();

    internal List<string> Pk { get; } = [MicrosoftSecureBootCertificates.WindowsOemDevicesPk];

    internal List<string> Kek { get; } = [MicrosoftSecureBootCertificates.KekCa2011];

    internal List<string> Db { get; } = [MicrosoftSecureBootCertificates.WindowsProductionPca2011, MicrosoftSecureBootCertificates.UefiCa2011];

    /// <summary>Certificates dbx revokes.</summary>
    internal List<string> DbxCertificates { get; } = [];

    /// <summary>The boot manager SVN in dbx (none when null).</summary>
    internal Version? BootManagerSvn { get; set; }

    /// <summary>The Windows boot manager on the EFI system partition (none when null).</summary>
    internal byte[]? BootManager { get; set; }

    /// <summary>Whether there is an EFI system partition at all.</summary>
    internal bool HasEsp { get; set; } = true;

    /// <summary>Values of HKLM\...\SecureBoot\Servicing (the key is not recorded when null).</summary>
    internal List<RegistryValueEvidence>? Servicing { get; set; }

    /// <summary>Further items, such as the servicing events.</summary>
    internal List<EvidenceItem> Extra { get; } = [];

    internal string Root => _root.Path;

    /// <summary>A node that has completed the rollover: every 2023 CA, the 2023-signed boot manager, PCA 2011 revoked, the latest SVN.</summary>
    internal static RolloverNode Complete()
    {
        var node = new RolloverNode();
        node.Kek.Add(MicrosoftSecureBootCertificates.KekCa2023);
        node.Db.AddRange([MicrosoftSecureBootCertificates.WindowsUefiCa2023, MicrosoftSecureBootCertificates.UefiCa2023, MicrosoftSecureBootCertificates.OptionRomUefiCa2023]);
        node.DbxCertificates.Add(MicrosoftSecureBootCertificates.WindowsProductionPca2011);
        node.BootManagerSvn = DbxKnowledge.LatestSvn(WindowsSvnData.BootManager)!.Svn.Version;
        node.BootManager = SignedBootManagers.Windows2023;
        node.Servicing = [new("UEFICA2023Status", EvidenceValue.FromString("Updated")), new("UEFICA2023Error", EvidenceValue.FromDWord(0)), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(2))];
        return node;
    }

    internal EvidenceBundle Collect()
    {
        var efivars = _root.Combine("sys", "firmware", "efi", "efivars");
        Directory.CreateDirectory(efivars);
        Variable(efivars, "SecureBoot", Global, [1]);
        Variable(efivars, "SetupMode", Global, [0]);
        Variable(efivars, "PK", Global, Certificates(Pk));
        Variable(efivars, "KEK", Global, Certificates(Kek));
        Variable(efivars, "db", ImageSecurity, Certificates(Db));
        Variable(efivars, "dbx", ImageSecurity, Dbx());
        if (HasEsp)
        {
            var boot = _root.Combine("boot", "efi", "EFI", "Microsoft", "Boot");
            Directory.CreateDirectory(boot);
            if (BootManager is not null)
            {
                File.WriteAllBytes(Path.Combine(boot, "bootmgfw.efi"), BootManager);
            }
        }

        var items = new LinuxSecureBootCollector().Collect(new CollectionContext(_root.Path, () => Bundles.Time)).ToList();
        if (Servicing is not null)
        {
            var key = SecureBootServicingAnalyzer.ServicingKey;
            items.Add(EvidenceItem.ForRegistry(EvidenceIds.Registry(key), "Registry (64-bit view) " + key, Bundles.Time, new RegistryKeyEvidence(key, Servicing, [])));
        }

        items.AddRange(Extra);
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Linux, "test", "X64"), Bundles.Time, "0.1.0", items);
    }

    public void Dispose() => _root.Dispose();

    private static void Variable(string folder, string name, Guid vendor, byte[] data) =>
        File.WriteAllBytes(Path.Combine(folder, name + "-" + vendor.ToString("D")), [0x27, 0, 0, 0, .. data]);

    private static byte[] Certificates(IEnumerable<string> names)
    {
        var builder = new SignatureListBuilder();
        foreach (var name in names)
        {
            builder.List(SignatureListBuilder.X509, [SecureBootVectors.Certificate(CertificateFiles[name])]);
        }

        return builder.ToArray();
    }

    private byte[] Dbx()
    {
        // One revoked image hash, as every real dbx has; then the certificates and the SVN asked for.
        var builder = new SignatureListBuilder().List(SignatureListBuilder.Sha256, [SignatureListBuilder.Filled(32, 0xAB)]);
        foreach (var name in DbxCertificates)
        {
            builder.List(SignatureListBuilder.X509, [SecureBootVectors.Certificate(CertificateFiles[name])]);
        }

        if (BootManagerSvn is { } svn)
        {
            var record = new byte[32];
            record[0] = 1;
            WindowsSvnData.BootManager.ToByteArray().CopyTo(record, 1);
            BitConverter.GetBytes((uint)((svn.Major << 16) | svn.Minor)).CopyTo(record, 17);
            builder.List(SignatureListBuilder.Sha256, [record], owner: SignatureListBuilder.WindowsSvn);
        }

        return builder.ToArray();
    }
}

/// <summary>Boot managers signed once per test run (sbsign and two RSA keys take a moment).</summary>
internal static class SignedBootManagers
{
    private static readonly Lazy<byte[]> Windows2023Lazy = new(() => TestBootSigner.SignedUnder(MicrosoftSecureBootCertificates.WindowsUefiCa2023));
    private static readonly Lazy<byte[]> Pca2011Lazy = new(() => TestBootSigner.SignedUnder(MicrosoftSecureBootCertificates.WindowsProductionPca2011));

    internal static byte[] Windows2023 => Windows2023Lazy.Value;

    internal static byte[] Pca2011 => Pca2011Lazy.Value;
}
