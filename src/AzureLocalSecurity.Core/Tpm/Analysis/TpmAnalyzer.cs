using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.Tpm.Analysis;

/// <summary>
/// Turns a bundle's TPM facts into what an administrator asks: what the TPM is, its PCR values, its endorsement keys.
/// Pure: it decodes the TPM's responses as they were recorded, with the same decoder the live client uses.
/// </summary>
public static class TpmAnalyzer
{
    /// <summary>The EK certificate NV indexes and the template each is for (TCG EK Credential Profile 2.4+).</summary>
    private static readonly Dictionary<uint, string> CertificateTemplates = new()
    {
        [0x01C00002] = "RSA 2048 (L-1)",
        [0x01C0000A] = "ECC NIST P-256 (L-2)",
        [0x01C00012] = "RSA 2048 (H-1)",
        [0x01C00014] = "ECC NIST P-256 (H-2)",
        [0x01C00016] = "ECC NIST P-384 (H-3)",
        [0x01C00018] = "ECC NIST P-521 (H-4)",
        [0x01C0001A] = "ECC SM2 P-256 (H-5)",
        [0x01C0001C] = "RSA 3072 (H-6)",
        [0x01C0001E] = "RSA 4096 (H-7)",
    };

    /// <summary>Win32_Tpm IsReadyInformation bits (WINAPI.md §8.2).</summary>
    private static readonly (uint Bit, string Name)[] ReadyBits =
    [
        (0x2, "SHUTDOWN"), (0x4, "REBOOT"), (0x8, "TPM_FORCE_CLEAR"), (0x10, "PHYSICAL_PRESENCE"), (0x20, "TPM_ACTIVATE"),
        (0x40, "TAKE_OWNERSHIP"), (0x80, "CREATE_EK"), (0x100, "OWNERAUTH"), (0x200, "SRK_AUTH"), (0x400, "DISABLE_OWNER_CLEAR"),
        (0x800, "SRKPUB"), (0x1000, "READ_SRKPUB"), (0x2000, "BOOT_COUNTER"), (0x4000, "AD_BACKUP"), (0x8000, "AD_BACKUP_PHASE_I"),
        (0x10000, "AD_BACKUP_PHASE_II"), (0x20000, "LEGACY_CONFIGURATION"), (0x40000, "EK_CERTIFICATE"), (0x80000, "TCG_EVENT_LOG"),
        (0x100000, "NOT_REDUCED"), (0x200000, "GENERIC_ERROR"), (0x400000, "DEVICE_LOCK_COUNTER"), (0x800000, "DEVICEID"),
        (0x1000000, "ATTESTATION_VULNERABILITY"),
    ];

    /// <summary>What the TPM is.</summary>
    public static TpmInfo Describe(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var unknowns = new List<string>();
        var info = new TpmInfo { ComputerName = bundle.NodeName };
        ReadWindows(bundle, info, unknowns);
        var transport = bundle.Find(TpmEvidenceIds.Transport);
        if (transport is null)
        {
            unknowns.Add("TPM: the bundle holds no TPM facts (it was captured without them).");
        }
        else if (!transport.Succeeded)
        {
            unknowns.Add("TPM: " + transport.Error!.Message);
            if (transport.Error.Category == EvidenceErrorCategory.NotFound && info.Present is null)
            {
                info.Present = false;
            }
        }
        else
        {
            info.Transport = FirstRecord(transport)?.Get("Endpoint")?.Value as string;
        }

        var properties = Decode(bundle, TpmEvidenceIds.CapabilityProperties, "Properties", unknowns, r => TpmResponseDecoder.GetCapability(r).Properties)?
            .SelectMany(p => p).GroupBy(p => p.Property).ToDictionary(g => g.Key, g => g.First().Value);
        if (properties is not null)
        {
            info.Present = true;
            ApplyProperties(info, properties);
        }

        var banks = Decode(bundle, TpmEvidenceIds.CapabilityPcrs, "PCR banks", unknowns, r => TpmResponseDecoder.GetCapability(r).Pcrs)?.SelectMany(b => b).ToList();
        info.PcrBanks = banks?.Where(b => b.Indexes.Count > 0).Select(b => TpmNames.Algorithm(b.HashAlgorithm)).ToList();
        info.Algorithms = Decode(bundle, TpmEvidenceIds.CapabilityAlgorithms, "Algorithms", unknowns, r => TpmResponseDecoder.GetCapability(r).Algorithms)?
            .SelectMany(a => a).Select(a => TpmNames.Algorithm(a.Algorithm)).Distinct().ToList();
        var nvIndexes = Decode(bundle, TpmEvidenceIds.CapabilityNvIndexes, "EK certificates", unknowns, r => TpmResponseDecoder.GetCapability(r).Handles)?.SelectMany(h => h).ToList();
        if (nvIndexes is not null)
        {
            var certificates = ReadCertificates(bundle, nvIndexes, unknowns);
            info.EndorsementCertificates = certificates;
            info.RsaEndorsementCertificate = certificates.Any(c => c.Provisioned && c.Template.StartsWith("RSA", StringComparison.Ordinal));
            info.EccEndorsementCertificate = certificates.Any(c => c.Provisioned && c.Template.StartsWith("ECC", StringComparison.Ordinal));
        }

        info.Unknowns = unknowns;
        return info;
    }

    /// <summary>Every PCR value the bundle holds, bank by bank, PCR ascending; an error explains a bundle without them.</summary>
    public static IReadOnlyList<TpmPcrValue> ReadPcrs(EvidenceBundle bundle, out string? unknownReason)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var unknowns = new List<string>();
        var item = bundle.Find(TpmEvidenceIds.PcrRead);
        var reads = Decode(bundle, TpmEvidenceIds.PcrRead, "PCR values", unknowns, TpmResponseDecoder.PcrRead);
        if (reads is null)
        {
            var transport = bundle.Find(TpmEvidenceIds.Transport);
            unknownReason = transport is { Succeeded: false } ? "TPM: " + transport.Error!.Message
                : unknowns.FirstOrDefault() ?? "The bundle holds no PCR values (it was captured without them).";
            return [];
        }

        unknownReason = null;
        var result = new List<TpmPcrValue>();
        foreach (var read in reads)
        {
            var d = 0;
            foreach (var selection in read.Selections)
            {
                foreach (var index in selection.Indexes)
                {
                    result.Add(new TpmPcrValue(selection.HashAlgorithm, index, read.Digests[d++], read.UpdateCounter, bundle.NodeName, item!.Source));
                }
            }
        }

        return result.GroupBy(v => (v.HashAlgorithm, v.Index)).Select(g => g.Last())
            .OrderBy(v => BankOrder(v.HashAlgorithm)).ThenBy(v => v.Index).ToList();
    }

    /// <summary>The endorsement keys the bundle holds (persistent, or created from the TCG templates), each matched with its certificate.</summary>
    public static IReadOnlyList<TpmEndorsementKey> ReadEndorsementKeys(EvidenceBundle bundle, out IReadOnlyList<string> unknowns)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var reasons = new List<string>();
        var keys = new List<TpmEndorsementKey>();
        foreach (var item in bundle.Items.Where(i => i.Id.StartsWith("tpm/response/read-public/", StringComparison.Ordinal) || i.Id.StartsWith("tpm/response/create-primary/ek-", StringComparison.Ordinal)))
        {
            var persistent = item.Id.StartsWith("tpm/response/read-public/", StringComparison.Ordinal);
            var label = persistent ? "EK " + item.Id.Substring("tpm/response/read-public/".Length) : "EK from template " + item.Id.Substring("tpm/response/create-primary/ek-".Length);
            var decoded = Decode(bundle, item.Id, label, reasons, r => persistent ? TpmResponseDecoder.ReadPublic(r) : TpmResponseDecoder.CreatePrimary(r));
            if (decoded is null || decoded.Count == 0)
            {
                continue;
            }

            var area = decoded[decoded.Count - 1].PublicArea;
            var key = new TpmEndorsementKey(area)
            {
                ComputerName = bundle.NodeName,
                Algorithm = area.Type == TpmConstants.AlgRsa
                    ? "RSA " + area.KeyBits.ToString(CultureInfo.InvariantCulture)
                    : area.Type == TpmConstants.AlgEcc ? "ECC " + TpmNames.EccCurve(area.Curve) : TpmNames.Algorithm(area.Type),
                Handle = persistent ? item.Id.Substring("tpm/response/read-public/".Length) : null,
                Origin = persistent ? "persistent" : item.Id.EndsWith("rsa2048", StringComparison.Ordinal) ? "created from TCG template L-1" : "created from TCG template L-2",
                Source = item.Source,
            };
            var spki = key.GetSubjectPublicKeyInfo();
            if (spki is not null)
            {
                using var sha = SHA256.Create();
                key.PublicKeySha256 = Hex(sha.ComputeHash(spki));
                key.PublicKeyPem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n") + "\n-----END PUBLIC KEY-----\n";
            }

            keys.Add(key);
        }

        if (keys.Count == 0 && reasons.Count == 0)
        {
            var transport = bundle.Find(TpmEvidenceIds.Transport);
            reasons.Add(transport is { Succeeded: false } ? "TPM: " + transport.Error!.Message : "The bundle holds no endorsement key (it was captured without them).");
        }

        var nvIndexes = Decode(bundle, TpmEvidenceIds.CapabilityNvIndexes, "EK certificates", reasons, r => TpmResponseDecoder.GetCapability(r).Handles)?.SelectMany(h => h).ToList() ?? [];
        foreach (var certificate in ReadCertificates(bundle, nvIndexes, reasons).Where(c => c.Provisioned))
        {
            var key = keys.FirstOrDefault(k => k.Certificate is null && Matches(k, certificate));
            if (key is not null)
            {
                key.Certificate = LoadCertificate(certificate.RawData!);
                key.CertificateNvIndex = certificate.NvIndex;
            }
        }

        unknowns = reasons;
        return keys;
    }

    private static bool Matches(TpmEndorsementKey key, TpmEndorsementCertificate certificate) =>
        TpmPublicKeyEncoding.EncodePublicKey(key.PublicArea) is { } encoded && certificate.PublicKey.SequenceEqual(encoded);

    private static List<TpmEndorsementCertificate> ReadCertificates(EvidenceBundle bundle, IReadOnlyList<uint> nvIndexes, List<string> unknowns)
    {
        var result = new List<TpmEndorsementCertificate>();
        foreach (var index in nvIndexes.Where(CertificateTemplates.ContainsKey).OrderBy(i => i))
        {
            var certificate = new TpmEndorsementCertificate(index, CertificateTemplates[index]);
            result.Add(certificate);
            var nvPublic = Decode(bundle, TpmEvidenceIds.NvReadPublic(index), "EK certificate " + certificate.NvIndex, unknowns, TpmResponseDecoder.NvReadPublic);
            if (nvPublic is null || nvPublic.Count == 0)
            {
                certificate.Error = unknowns.LastOrDefault();
                continue;
            }

            if (!nvPublic[0].Written)
            {
                certificate.Error = "The index is defined but was never written.";
                continue;
            }

            var chunks = Decode(bundle, TpmEvidenceIds.NvRead(index), "EK certificate " + certificate.NvIndex, unknowns, TpmResponseDecoder.NvRead);
            if (chunks is null)
            {
                certificate.Error = unknowns.LastOrDefault();
                continue;
            }

            var data = chunks.SelectMany(c => c).ToArray();
            if (data.Length != nvPublic[0].DataSize)
            {
                certificate.Error = $"The NV data read is {data.Length} bytes; the index holds {nvPublic[0].DataSize}.";
                unknowns.Add("EK certificate " + certificate.NvIndex + ": " + certificate.Error);
                continue;
            }

            if (data.Length == 0)
            {
                certificate.Error = "The index holds no data.";
                unknowns.Add("EK certificate " + certificate.NvIndex + ": " + certificate.Error);
                continue;
            }

            // An index may be larger than its certificate: the facts are read from the DER SEQUENCE at its start.
            var facts = CertificateFacts.Decode(data, 0, data.Length, out var error);
            if (facts is null)
            {
                certificate.Error = "The NV data is not a certificate: " + error;
                unknowns.Add("EK certificate " + certificate.NvIndex + ": " + certificate.Error);
                continue;
            }

            certificate.Subject = facts.Subject;
            certificate.Issuer = facts.Issuer;
            certificate.SerialNumber = facts.SerialNumber;
            certificate.NotBefore = facts.NotBefore;
            certificate.NotAfter = facts.NotAfter;
            certificate.Thumbprint = facts.Thumbprint;
            certificate.KeyAlgorithm = facts.KeyAlgorithm;
            certificate.PublicKey = facts.PublicKey;
            certificate.RawData = facts.Der;
            certificate.Provisioned = true;
        }

        return result;
    }

    private static X509Certificate2 LoadCertificate(byte[] der)
    {
        return new X509Certificate2(der);
    }

    private static void ApplyProperties(TpmInfo info, Dictionary<uint, uint> p)
    {
        uint? Get(uint key) => p.TryGetValue(key, out var v) ? v : null;
        bool? Bit(uint key, int bit) => p.TryGetValue(key, out var v) ? ((v >> bit) & 1) == 1 : null;

        info.TpmVersion = Get(TpmConstants.PtFamilyIndicator) is { } family ? Ascii(family) : null;
        info.SpecLevel = Get(TpmConstants.PtLevel);
        info.SpecRevision = Get(TpmConstants.PtRevision) is { } revision ? string.Format(CultureInfo.InvariantCulture, "{0}.{1:00}", revision / 100, revision % 100) : null;
        if (Get(TpmConstants.PtYear) is { } year && Get(TpmConstants.PtDayOfYear) is { } day && year is >= 2000 and <= 9999 && day is >= 1 and <= 366)
        {
            info.SpecDate = new DateTime((int)year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day - 1);
        }

        if (Get(TpmConstants.PtManufacturer) is { } manufacturer)
        {
            info.ManufacturerId = TpmVendors.ManufacturerId(manufacturer);
            info.Manufacturer = TpmVendors.CompanyName(info.ManufacturerId);
        }

        var vendor = new StringBuilder();
        for (var key = TpmConstants.PtVendorString1; key <= TpmConstants.PtVendorString4; key++)
        {
            if (Get(key) is { } part)
            {
                vendor.Append(Ascii(part));
            }
        }

        info.VendorString = p.ContainsKey(TpmConstants.PtVendorString1) ? System.Text.RegularExpressions.Regex.Replace(vendor.ToString(), @"\s+", " ").Trim() : null;
        info.VendorTpmType = Get(TpmConstants.PtVendorTpmType);
        if (Get(TpmConstants.PtFirmwareVersion1) is { } fw1)
        {
            var fw2 = Get(TpmConstants.PtFirmwareVersion2) ?? 0;
            info.FirmwareVersion = string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}", fw1 >> 16, fw1 & 0xFFFF, fw2 >> 16, fw2 & 0xFFFF);
        }

        info.PcrCount = Get(TpmConstants.PtPcrCount);
        info.NvBufferMax = Get(TpmConstants.PtNvBufferMax);
        info.LockoutCounter = Get(TpmConstants.PtLockoutCounter);
        info.LockoutMax = Get(TpmConstants.PtMaxAuthFail);
        info.LockoutIntervalSeconds = Get(TpmConstants.PtLockoutInterval);
        info.LockoutRecoverySeconds = Get(TpmConstants.PtLockoutRecovery);
        info.OwnerAuthSet = Bit(TpmConstants.PtPermanent, 0);
        info.EndorsementAuthSet = Bit(TpmConstants.PtPermanent, 1);
        info.LockoutAuthSet = Bit(TpmConstants.PtPermanent, 2);
        info.DisableClear = Bit(TpmConstants.PtPermanent, 8);
        info.InLockout = Bit(TpmConstants.PtPermanent, 9);
        info.TpmGeneratedEps = Bit(TpmConstants.PtPermanent, 10);
        info.PlatformHierarchyEnabled = Bit(TpmConstants.PtStartupClear, 0);
        info.StorageHierarchyEnabled = Bit(TpmConstants.PtStartupClear, 1);
        info.EndorsementHierarchyEnabled = Bit(TpmConstants.PtStartupClear, 2);
    }

    private static void ReadWindows(EvidenceBundle bundle, TpmInfo info, List<string> unknowns)
    {
        var cim = bundle.Find(TpmEvidenceIds.Win32Tpm);
        if (cim is not null)
        {
            if (!cim.Succeeded)
            {
                unknowns.Add("Win32_Tpm: " + cim.Error!.Message);
                if (cim.Error.Category == EvidenceErrorCategory.NotFound)
                {
                    info.Present = false;
                }
            }
            else if (FirstRecord(cim) is { } record)
            {
                info.Present = true;
                info.Owned = Bool(record, "IsOwned", unknowns);
                info.Activated = Bool(record, "IsActivated", unknowns);
                info.Enabled = Bool(record, "IsEnabled", unknowns);
                info.Ready = Bool(record, "IsReady", unknowns);
                info.WindowsSpecVersion = record.Get("SpecVersion")?.Value as string;
                if (record.Get("IsReadyInformation")?.Value is ulong bits)
                {
                    info.ReadyInformation = ReadyBits.Where(b => (bits & b.Bit) != 0).Select(b => b.Name).ToList();
                }
            }
        }

        var tbs = bundle.Find(BaselineEvidenceIds.TpmDeviceInfo);
        if (tbs is { Succeeded: true } && FirstRecord(tbs) is { } device)
        {
            info.Present = true;
            info.InterfaceType = device.Get(BaselineEvidenceProperties.TpmInterfaceType)?.Value is ulong type
                ? type switch { 1 => "TPM12", 2 => "Trustzone", 3 => "Hardware", 4 => "Emulator", 5 => "SPB", _ => "Unknown" }
                : null;
            info.TbsImplementationRevision = device.Get(BaselineEvidenceProperties.TpmImpRevision)?.Value is ulong rev ? (uint)rev : null;
        }
        else if (tbs is { Succeeded: false })
        {
            unknowns.Add("TBS: " + tbs.Error!.Message);
            if (tbs.Error.Category == EvidenceErrorCategory.NotFound && info.Present is null)
            {
                info.Present = false;
            }
        }
    }

    private static bool? Bool(EvidenceRecord record, string name, List<string> unknowns)
    {
        if (record.Get(name)?.Value is bool value)
        {
            return value;
        }

        if (record.Get(name + "Error")?.Value is string error)
        {
            unknowns.Add($"Win32_Tpm.{name}: {error}");
        }

        return null;
    }

    /// <summary>Decodes every response of one blob item; null (with the reason added) when the item is missing, failed, or a response does not decode.</summary>
    private static List<T>? Decode<T>(EvidenceBundle bundle, string id, string what, List<string> unknowns, Func<ArraySegment<byte>, T> decode)
    {
        var item = bundle.Find(id);
        if (item is null)
        {
            return null;
        }

        if (!item.Succeeded)
        {
            unknowns.Add($"{what}: {item.Error!.Message}");
            return null;
        }

        try
        {
            var data = item.GetData() ?? [];
            return TpmResponseDecoder.Split(data).Select(decode).ToList();
        }
        catch (TpmCommandException ex)
        {
            unknowns.Add($"{what}: the TPM refused: {ex.Message}");
        }
        catch (TpmResponseFormatException ex)
        {
            unknowns.Add($"{what}: the recorded response ({id}) is malformed: {ex.Message}");
        }

        return null;
    }

    private static EvidenceRecord? FirstRecord(EvidenceItem item) => item.Records is { Count: > 0 } records ? records[0] : null;

    private static int BankOrder(ushort alg) => alg switch
    {
        TpmConstants.AlgSha1 => 0,
        TpmConstants.AlgSha256 => 1,
        TpmConstants.AlgSha384 => 2,
        TpmConstants.AlgSha512 => 3,
        _ => 4 + alg,
    };

    private static string Ascii(uint value)
    {
        var text = new StringBuilder(4);
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var b = (byte)(value >> shift);
            if (b >= 0x20 && b < 0x7F)
            {
                text.Append((char)b);
            }
        }

        return text.ToString();
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
