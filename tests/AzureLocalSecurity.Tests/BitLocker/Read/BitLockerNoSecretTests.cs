using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Read;

/// <summary>Key safety, the first rule of issue 7: the read side cannot ask for a secret, and nothing it records holds one.</summary>
public sealed partial class BitLockerNoSecretTests
{
    private static readonly string[] CollectorFiles =
    [
        "src/AzureLocalSecurity.Core/Collection/Windows/WindowsBitLockerCollector.cs",
        "src/AzureLocalSecurity.Core/Collection/Windows/WindowsBitLockerCimReader.cs",
        "src/AzureLocalSecurity.Core/Collection/BitLockerVolumeRecorder.cs",
        "src/AzureLocalSecurity.Core/Collection/BitLockerCollectors.cs",
        "src/AzureLocalSecurity.Core/Collection/CimMethodOutcome.cs",
    ];

    private static readonly string[] SecretMethods = ["GetKeyProtectorNumericalPassword", "GetKeyProtectorExternalKey", "GetExternalKeyFromFile", "GetKeyPackage"];

    [GeneratedRegex(@"\d{6}(-\d{6}){7}")]
    private static partial Regex RecoveryPassword();

    [Fact]
    public void The_collector_source_never_names_a_method_that_returns_key_material()
    {
        foreach (var file in CollectorFiles)
        {
            var source = File.ReadAllText(Path.Combine(Repo.Root, file));
            foreach (var method in SecretMethods)
            {
                Assert.False(source.Contains(method, System.StringComparison.OrdinalIgnoreCase), $"{file} names {method}.");
            }
        }
    }

    [Fact]
    public void The_recorder_calls_only_the_state_queries_it_lists()
    {
        var volume = BitLockerBundles.OsVolume();
        volume.Record();

        Assert.NotEmpty(volume.MethodsCalled);
        Assert.All(volume.MethodsCalled, m => Assert.Contains(m, BitLockerVolumeRecorder.Methods));
        Assert.DoesNotContain(BitLockerVolumeRecorder.Methods, m => SecretMethods.Contains(m));
    }

    [Fact]
    public void No_file_of_any_recorded_BitLocker_bundle_holds_a_48_digit_recovery_password()
    {
        using var dir = new TempDir();
        EvidenceBundle[] bundles =
        [
            BitLockerBundles.AzureLocalNode(), BitLockerBundles.OsVolumeWithoutTpm(), BitLockerBundles.DataVolumeNotEncrypted(),
            BitLockerBundles.EncryptionPaused(), BitLockerBundles.LockedVolume(), BitLockerBundles.SuspendedOsVolume(), BitLockerBundles.NoBitLockerProvider(),
        ];
        for (var i = 0; i < bundles.Length; i++)
        {
            EvidenceBundleWriter.Write(bundles[i], dir.Combine("bundle" + i), overwrite: false);
        }

        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories);
        Assert.True(files.Length >= bundles.Length);
        Assert.True(RecoveryPassword().IsMatch("000011-000022-000033-000044-000055-000066-000077-000088"), "The pattern must catch a recovery password.");
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.False(RecoveryPassword().IsMatch(text), $"{file} holds a recovery password.");
        }
    }
}
