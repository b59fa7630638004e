using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.AppControl.Policy;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.SecureBoot.BootManager;
using AzureLocalSecurity.SecureBoot.Events;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Analysis;
using SharpFuzz;

namespace AzureLocalSecurity.Fuzz;

/// <summary>
/// <c>AzureLocalSecurity.Fuzz &lt;harness&gt;</c> runs one harness under afl++ (input on stdin, via SharpFuzz);
/// <c>AzureLocalSecurity.Fuzz &lt;harness&gt; --replay &lt;folder&gt;</c> runs every file of a corpus once, for CI.
/// A harness may only end in the parser's documented exception; anything else is a finding.
/// </summary>
internal static class Program
{
    /// <summary>One value of each shape a rule meets, so every operator's code runs on every input.</summary>
    private static readonly FactValue[] RuleActuals =
    [
        FactValue.FromNumber(15),
        FactValue.FromText("%SystemRoot%\\System32\\logfiles\\firewall\\domainfw.log"),
        FactValue.FromSids(["*S-1-5-32-544", "S-1-5-11"]),
        FactValue.FromPairs(
        [
            new KeyValuePair<string, string>("AccountLockoutDuration", "15"),
            new KeyValuePair<string, string>("AccountLockoutThreshold", "3"),
            new KeyValuePair<string, string>("ResetAccountLockoutCounterAfter", "15"),
        ]),
        FactValue.Absent,
    ];

    /// <summary>What any input may allocate in a bounded harness, whatever its size (first-use caches included).</summary>
    private const long AllocationAllowance = 8L * 1024 * 1024;

    /// <summary>
    /// What each input byte may add. The baseline readers keep a model of what they read (a rule is ~1.5 KiB of
    /// objects, a JSON token ~70 bytes), so a cost linear in the input passes and a blow-up does not.
    /// </summary>
    private const long AllocationPerInputByte = 1024;

    /// <summary>Every way a catalog is read: the profile the file implies, and each profile asked for.</summary>
    private static readonly BaselineProfile?[] CatalogProfiles = [null, BaselineProfile.DomainJoined, BaselineProfile.AdLess];

    /// <summary>
    /// What each input byte of a TPM response blob may add (measured, fuzz/README.md). Real swtpm responses cost up to
    /// ~100 bytes per byte through this harness (ten bundle items and their copies, every decoder on every response, each
    /// refusal an exception, and the analyzer three times). The dearest shape is a blob of 10-byte responses, each refused
    /// by eight or nine decoders with an exception of ~1.2 KiB: ~1,200 bytes per byte; 32-byte PCR bitmaps that expand to
    /// 256 indexes cost ~600. Twice the dearest keeps a linear cost inside and catches an allocation from a lying size.
    /// </summary>
    private const long TpmAllocationPerInputByte = 2048;

    /// <summary>The ids of the TPM items a bundle may hold, each of which the TPM harness fills with the input.</summary>
    private static readonly string[] TpmBlobIds =
    [
        TpmEvidenceIds.CapabilityProperties,
        TpmEvidenceIds.CapabilityPcrs,
        TpmEvidenceIds.CapabilityAlgorithms,
        TpmEvidenceIds.CapabilityNvIndexes,
        TpmEvidenceIds.CapabilityPersistentHandles,
        TpmEvidenceIds.PcrRead,
        TpmEvidenceIds.NvReadPublic(0x01C00002),
        TpmEvidenceIds.NvRead(0x01C00002),
        TpmEvidenceIds.ReadPublic(0x81010001),
        TpmEvidenceIds.CreatePrimaryEndorsementKey("rsa2048"),
    ];

    /// <summary>Every public decoder of TpmResponseDecoder's parameters, each touching what it decoded as a caller would.</summary>
    private static readonly Func<ArraySegment<byte>, string>[] TpmDecoders =
    [
        r => DescribeCapability(TpmResponseDecoder.GetCapability(r)),
        r => DescribePcrRead(TpmResponseDecoder.PcrRead(r)),
        r => DescribeObject(TpmResponseDecoder.ReadPublic(r)),
        r => DescribeObject(TpmResponseDecoder.CreatePrimary(r)),
        r => DescribeNvPublic(TpmResponseDecoder.NvReadPublic(r)),
        r => TpmResponseDecoder.NvRead(r).Length.ToString(CultureInfo.InvariantCulture),
        r => TpmResponseDecoder.GetRandom(r).Length.ToString(CultureInfo.InvariantCulture),
        r =>
        {
            TpmResponseDecoder.FlushContext(r);
            return string.Empty;
        },
        r => DescribeQuote(TpmResponseDecoder.Quote(r)),
    ];

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: AzureLocalSecurity.Fuzz evidence-zip|rule-expression|baseline-csv|baseline-undo|baseline-snapshot|tpm-response|tpm-ek-certificate|efi-varstore|efi-signature-list|efi-auth-variable|pe-authenticode|windows-event-xml|citool-list|sipolicy-binary|sipolicy-xml|policy-mode-switch|tcg-eventlog|sipa|audit-policy-csv|security-template-inf|capture-document|registry-pol|reg-file|clixml|psdata-file|wsman-plugin-config|syslog-forwarder|module-sbom [--replay <corpus folder>]");
            return 2;
        }

        // Each harness says whether the input was read (true) or rejected with the parser's own exception (false).
        Func<byte[], bool> harness = args[0] switch
        {
            "evidence-zip" => EvidenceZip,
            "rule-expression" => RuleExpressionText,
            "baseline-csv" => Bounded(BaselineCsv),
            "baseline-undo" => Bounded(BaselineUndo),
            "baseline-snapshot" => Bounded(BaselineSnapshotJson),
            "tpm-response" => Bounded(TpmResponses, TpmAllocationPerInputByte),
            "tpm-ek-certificate" => Bounded(TpmEkCertificate, TpmAllocationPerInputByte),
            "efi-varstore" => Bounded(EfiVariableStore),
            "efi-signature-list" => WithDbxKnowledge(Bounded(EfiSignatureList)),
            "efi-auth-variable" => WithDbxKnowledge(Bounded(EfiAuthVariable)),
            "pe-authenticode" => Bounded(PeAuthenticodeImage),
            "windows-event-xml" => Bounded(WindowsEventXmlText),
            "citool-list" => Bounded(CiToolList),
            "syslog-forwarder" => Bounded(SyslogForwarderOutput),
            "sipolicy-binary" => Bounded(SiPolicyBinary),
            "sipolicy-xml" => Bounded(SiPolicyXmlText),
            "policy-mode-switch" => Bounded(PolicyModeSwitch),
            "tcg-eventlog" => Bounded(TcgEventLogBytes),
            "sipa" => Bounded(SipaBytes),
            "audit-policy-csv" => Bounded(CaptureHarnesses.AuditPolicyCsvBytes),
            "security-template-inf" => Bounded(CaptureHarnesses.SecurityTemplateBytes),
            "capture-document" => Bounded(CaptureHarnesses.CaptureDocumentText),
            "registry-pol" => Bounded(GpoFormatHarnesses.RegistryPolBytes),
            "reg-file" => Bounded(GpoFormatHarnesses.RegFileBytes),
            "clixml" => Bounded(CaptureHarnesses.CliXmlBytes),
            "psdata-file" => Bounded(PrivilegedAccessHarnesses.DataFileText),
            "wsman-plugin-config" => Bounded(PrivilegedAccessHarnesses.PluginConfigText),
            "module-sbom" => Bounded(IntegrityHarnesses.ModuleSbomBytes),
            _ => throw new ArgumentException($"Unknown harness '{args[0]}'."),
        };

        if (args.Length == 3 && args[1] == "--replay")
        {
            return Replay(args[0], harness, args[2]);
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            _ = harness(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>
    /// The harness, failing also when one input allocates more than <see cref="AllocationAllowance"/> plus
    /// <paramref name="perInputByte"/> (<see cref="AllocationPerInputByte"/> unless the harness measured its own) per byte:
    /// afl++ runs without a memory limit, so this is where a parser that allocates more than its input justifies shows up
    /// as a crash.
    /// </summary>
    private static Func<byte[], bool> Bounded(Func<byte[], bool> harness, long perInputByte = AllocationPerInputByte) => input =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = harness(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationAllowance + (perInputByte * input.Length))
        {
            throw new InvalidOperationException($"{allocated} bytes allocated for an input of {input.Length} bytes.");
        }

        return read;
    };

    /// <summary>
    /// Runs every file of a corpus through the harness and says how many were read and rejected, and the slowest and
    /// the most allocating input, so a parser that costs more than its input justifies shows before a campaign does.
    /// </summary>
    private static int Replay(string name, Func<byte[], bool> harness, string folder)
    {
        var files = Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        int read = 0, rejected = 0;
        var slowest = (File: string.Empty, Milliseconds: 0.0);
        var hungriest = (File: string.Empty, Bytes: 0L, Size: 0);
        foreach (var file in files)
        {
            _ = harness(File.ReadAllBytes(file));
        }

        // Measured on a second pass, once the code is compiled and the caches are filled.
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var ok = harness(input);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (ok)
            {
                read++;
            }
            else
            {
                rejected++;
            }

            if (elapsed > slowest.Milliseconds)
            {
                slowest = (Path.GetFileName(file), elapsed);
            }

            if (allocated > hungriest.Bytes)
            {
                hungriest = (Path.GetFileName(file), allocated, input.Length);
            }
        }

        Console.WriteLine(
            $"{name}: replayed {files.Length} inputs without a finding ({read} read, {rejected} rejected); "
            + $"slowest {slowest.File} {slowest.Milliseconds:0.0} ms; most allocating {hungriest.File} {hungriest.Bytes / 1024} KiB for {hungriest.Size} bytes.");
        return files.Length > 0 ? 0 : 1;
    }

    /// <summary>A bundle zip from anywhere: it reads, or it fails with EvidenceFormatException.</summary>
    private static bool EvidenceZip(byte[] input)
    {
        try
        {
            var bundle = EvidenceBundleReader.ReadZip(input, "fuzz");
            foreach (var item in bundle.Items)
            {
                _ = item.GetData();
                _ = item.Registry?.Values.Count;
                _ = item.Records?.Count;
            }

            return true;
        }
        catch (EvidenceFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// An Expected Value from anywhere: it parses or fails with RuleSyntaxException; a parsed expression
    /// evaluates (or fails with RuleEvaluationException when a pattern runs too long), and a remedy is chosen
    /// for it from each value, which must then satisfy it.
    /// </summary>
    private static bool RuleExpressionText(byte[] input)
    {
        if (!RuleParser.TryParse(Encoding.UTF8.GetString(input), out var expression, out _))
        {
            return false;
        }

        _ = expression!.ToString();
        _ = RuleDescriber.Describe(expression);
        foreach (var actual in RuleActuals)
        {
            try
            {
                _ = RuleEvaluator.Matches(expression, actual);
            }
            catch (RuleEvaluationException)
            {
            }

            var kind = actual.Kind == FactValueKind.Absent ? FactValueKind.Text : actual.Kind;
            foreach (var defaultValue in new[] { null, actual.ToString() })
            {
                var choice = RuleRemedy.Choose(expression, actual, defaultValue, kind);
                if (choice.Target is not null && !RuleEvaluator.Matches(expression, choice.Target))
                {
                    throw new InvalidOperationException($"The remedy {choice.Target} chosen for {expression} does not satisfy it.");
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A catalog CSV from anywhere, read as the file says and as each profile: it reads, or it fails with
    /// BaselineCatalogException. Every rule's columns and parsed expression are touched, and the catalog finds
    /// each rule by its name.
    /// </summary>
    private static bool BaselineCsv(byte[] input)
    {
        var anyRead = false;
        foreach (var profile in CatalogProfiles)
        {
            BaselineCatalog catalog;
            try
            {
                catalog = BaselineCatalogReader.Read(input, "fuzz.csv", profile);
            }
            catch (BaselineCatalogException)
            {
                continue;
            }

            anyRead = true;
            _ = catalog.ToString();
            _ = catalog.InvalidRuleCount;
            foreach (var rule in catalog.Rules)
            {
                _ = string.Concat(
                    rule.Name, rule.RuleId, rule.ExtraId, rule.ControlName, rule.Description, rule.Category, rule.Severity,
                    rule.Applicability, rule.Scenario, rule.CspName, rule.CspPath, rule.CspValueType, rule.RegistryKey,
                    rule.RegistryValueName, rule.RegistryValueType, rule.DefaultValue, rule.AllowedValue, rule.ExpectedValue,
                    rule.Validation, rule.CisRuleId, rule.CisControl, rule.StigId, rule.Nist80053, rule.SecurityImpact,
                    rule.ChangeRiskLevel, rule.CustomizationPosture, rule.Release, rule.SourceName, rule.LegacyType,
                    rule.LegacyLocation, rule.LegacyValueName);
                _ = string.Join(", ", rule.References);
                _ = rule.ToString();
                _ = rule.Profile;
                _ = rule.LineNumber;
                if ((rule.Expression is null) == (rule.ExpressionError is null))
                {
                    throw new InvalidOperationException($"Rule {rule.Name} has both or neither of an expression and an expression error.");
                }

                if (rule.Expression is not null)
                {
                    _ = rule.Expression.ToString();
                    _ = RuleDescriber.Describe(rule.Expression);
                }

                if (!ReferenceEquals(catalog.Find(rule.Name), rule))
                {
                    throw new InvalidOperationException($"The catalog does not find rule {rule.Name} by its name.");
                }
            }
        }

        return anyRead;
    }

    /// <summary>An undo record from anywhere: it reads, or it fails with BaselineUndoFileException.</summary>
    private static bool BaselineUndo(byte[] input)
    {
        try
        {
            var file = BaselineUndoFile.Parse(input);
            _ = string.Concat(file.NodeName, file.ModuleVersion, file.Location);
            _ = file.CreatedAt.ToString("o", CultureInfo.InvariantCulture);
            foreach (var entry in file.Entries)
            {
                _ = string.Concat(entry.RuleName, entry.Fact.ToString(), entry.RegistryType, entry.Before.ToString(), entry.After.ToString());
            }

            return true;
        }
        catch (BaselineUndoFileException)
        {
            return false;
        }
    }

    /// <summary>A drift snapshot from anywhere: it reads, or it fails with InvalidDataException.</summary>
    private static bool BaselineSnapshotJson(byte[] input)
    {
        try
        {
            var snapshot = BaselineSnapshot.Parse(input);
            _ = string.Concat(snapshot.NodeName, snapshot.Release, snapshot.CatalogSource, snapshot.Location, snapshot.Profile?.ToString());
            _ = snapshot.TakenAt.ToString("o", CultureInfo.InvariantCulture);
            foreach (var entry in snapshot.Entries)
            {
                _ = string.Concat(entry.RuleName, entry.Status.ToString(), entry.Actual?.ToString(), entry.Source);
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// A firmware variable store image (an OVMF_VARS.fd, a VM's NVRAM file) from anywhere: it reads, or fails with
    /// FirmwareVariableStoreException naming a byte of the input. A store that reads must hold together: records in
    /// order at 4-byte-aligned offsets inside the store, the free space after the last of them, every current value live
    /// (or in deleted transition) and found by its name; and its Secure Boot evidence items are made from it.
    /// </summary>
    private static bool EfiVariableStore(byte[] input)
    {
        FirmwareVariableStore store;
        try
        {
            store = FirmwareVariableStore.Parse(input);
        }
        catch (FirmwareVariableStoreException ex)
        {
            if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A FirmwareVariableStoreException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
            }

            return false;
        }

        var end = store.StoreOffset + store.StoreSize;
        long previous = store.StoreOffset;
        foreach (var variable in store.All)
        {
            if (variable.Offset <= previous || variable.Offset % 4 != 0 || variable.Offset + variable.DataLength > end || variable.Offset >= store.FreeSpaceOffset)
            {
                throw new InvalidOperationException($"A record at {variable.Offset} in a store of {store.StoreOffset}..{end} with free space at {store.FreeSpaceOffset}, after one at {previous}.");
            }

            previous = variable.Offset;
            _ = string.Concat(variable.ToString(), variable.RawState, variable.MonotonicCount, variable.TimeStamp, variable.PubKeyIndex, variable.Id);
            _ = variable.GetData().Length;
        }

        foreach (var variable in store.Current)
        {
            if (variable.State is not (FirmwareVariableState.Live or FirmwareVariableState.InDeletedTransition) || !ReferenceEquals(store.Find(variable.Name, variable.VendorGuid), variable))
            {
                throw new InvalidOperationException($"The current value {variable} is not what Find returns for its name.");
            }
        }

        foreach (var item in FirmwareVariableEvidence.ToEvidence(store, "fuzz", DateTimeOffset.UnixEpoch))
        {
            _ = item.DataLength ?? item.Records?.Count;
        }

        return true;
    }

    /// <summary>
    /// A blob of TPM responses from anywhere, as a bundle keeps them. Split, and every response (and the whole input as one
    /// response) through every decoder: each decodes, or fails with TpmResponseFormatException naming a byte of the input,
    /// or with TpmCommandException carrying the response code of the header. Then a bundle whose TPM items all hold the
    /// input, which TpmAnalyzer describes, reads PCRs and endorsement keys from without any exception: a malformed
    /// recorded response is an Unknown with its reason, never a failure of the analysis. The input was read when some
    /// response in it decoded as the parameters of some command.
    /// </summary>
    private static bool TpmResponses(byte[] input)
    {
        var segments = new List<ArraySegment<byte>>();
        try
        {
            segments.AddRange(TpmResponseDecoder.Split(input));
            CheckSplit(input, segments);
        }
        catch (TpmResponseFormatException ex)
        {
            CheckOffset(ex, input);
        }

        if (segments.Count != 1 || segments[0].Count != input.Length)
        {
            segments.Add(new ArraySegment<byte>(input));
        }

        var anyDecoded = false;
        foreach (var segment in segments)
        {
            try
            {
                _ = TpmResponseDecoder.PeekResponseCode(segment).ToString();
            }
            catch (TpmResponseFormatException ex)
            {
                CheckOffset(ex, input);
            }

            foreach (var decode in TpmDecoders)
            {
                try
                {
                    _ = decode(segment);
                    anyDecoded = true;
                }
                catch (TpmResponseFormatException ex)
                {
                    CheckOffset(ex, input);
                }
                catch (TpmCommandException ex)
                {
                    CheckResponseCode(ex, segment);
                }
            }
        }

        AnalyzeTpmBundle(input);
        return anyDecoded;
    }

    /// <summary>The responses Split found follow each other from the first byte to the last, each as long as its header says.</summary>
    private static void CheckSplit(byte[] input, List<ArraySegment<byte>> segments)
    {
        var next = 0;
        foreach (var segment in segments)
        {
            var size = (segment.Array![segment.Offset + 2] << 24) | (segment.Array[segment.Offset + 3] << 16) | (segment.Array[segment.Offset + 4] << 8) | segment.Array[segment.Offset + 5];
            if (!ReferenceEquals(segment.Array, input) || segment.Offset != next || segment.Count < 10 || segment.Count != size)
            {
                throw new InvalidOperationException($"Split returned a response at {segment.Offset} of {segment.Count} bytes where one at {next} was due.");
            }

            next += segment.Count;
        }

        if (next != input.Length)
        {
            throw new InvalidOperationException($"Split covered {next} of {input.Length} bytes.");
        }
    }

    /// <summary>A format error names a byte of the input (or the end of it, for a response cut short).</summary>
    private static void CheckOffset(TpmResponseFormatException ex, byte[] input)
    {
        if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem))
        {
            throw new InvalidOperationException($"A TpmResponseFormatException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
        }
    }

    /// <summary>A TPM error is only reported for a response whose header carries that (non-zero) response code.</summary>
    private static void CheckResponseCode(TpmCommandException ex, ArraySegment<byte> segment)
    {
        var a = segment.Array!;
        var o = segment.Offset;
        var rc = ((uint)a[o + 6] << 24) | ((uint)a[o + 7] << 16) | ((uint)a[o + 8] << 8) | a[o + 9];
        if (rc == 0 || ex.ResponseCode is null || ex.ResponseCode.Value != rc || string.IsNullOrEmpty(ex.CommandName))
        {
            throw new InvalidOperationException($"A TpmCommandException for response code 0x{rc:X8}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Loads Microsoft's dbx list (a 394 KB JSON, read once per process) outside the allocation bound, so its one-time cost
    /// is not charged to the first input. It happens on the first input and not before: instrumented Core code that runs
    /// before SharpFuzz has set up afl++'s shared memory crashes the fork server.
    /// </summary>
    private static Func<byte[], bool> WithDbxKnowledge(Func<byte[], bool> harness) => input =>
    {
        _ = DbxKnowledge.Images.Count;
        return harness(input);
    };

    /// <summary>
    /// A PE/COFF image from anywhere (an EFI boot application): its signatures read, or it fails with PeFormatException
    /// naming a byte of the input. Read signatures must lie inside the security directory, in order, 8-byte aligned after
    /// the first; each has a signer or an Unknown reason, never both or neither; a signer is one of its certificates and
    /// the first of its chain; a CA it chains to means the signer was told.
    /// </summary>
    private static bool PeAuthenticodeImage(byte[] input)
    {
        PeSignature result;
        try
        {
            result = PeAuthenticode.Read(input);
        }
        catch (PeFormatException ex)
        {
            if (ex.Offset < 0 || ex.Offset >= input.Length || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A PeFormatException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
            }

            return false;
        }

        var next = result.SecurityDirectoryOffset;
        var end = result.SecurityDirectoryOffset + result.SecurityDirectorySize;
        var index = 0;
        foreach (var signature in result.Signatures)
        {
            if (signature.Offset != next || signature.Length < 8 || signature.Offset + signature.Length > end || signature.Index != index++)
            {
                throw new InvalidOperationException($"Signature {signature.Index} at {signature.Offset} ({signature.Length} bytes) does not follow at {next} inside a directory ending at {end}.");
            }

            next += (signature.Length + 7) / 8 * 8;
            if ((signature.Signer is null) == (signature.UnknownReason is null))
            {
                throw new InvalidOperationException($"Signature {signature.Index} has both or neither of a signer and an Unknown reason.");
            }

            if (signature.Signer is not null && (!signature.Certificates.Contains(signature.Signer) || !ReferenceEquals(signature.Chain[0], signature.Signer) || !signature.Signer.IsSigner))
            {
                throw new InvalidOperationException($"Signature {signature.Index}'s signer is not one of its certificates or not the first of its chain.");
            }

            if (signature.ChainsTo is not null && signature.Signer is null)
            {
                throw new InvalidOperationException($"Signature {signature.Index} chains to {signature.ChainsTo} without a signer.");
            }

            _ = string.Concat(signature.ToString(), signature.ChainIssuer, signature.ChainsToByIssuerName ? "name" : "thumbprint", signature.Revision.ToString(CultureInfo.InvariantCulture), signature.CertificateType.ToString(CultureInfo.InvariantCulture));
            foreach (var certificate in signature.Certificates)
            {
                _ = string.Concat(certificate.ToString(), certificate.Subject, certificate.Issuer, certificate.Thumbprint, certificate.NotAfter?.Ticks.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (result.IsSigned != (result.Signatures.Count > 0) || (result.UnknownReason is null) != result.Signatures.All(s => s.UnknownReason is null))
        {
            throw new InvalidOperationException("IsSigned or UnknownReason disagrees with the signatures.");
        }

        _ = string.Concat(result.ToString(), result.Machine.ToString(CultureInfo.InvariantCulture), string.Join(",", result.ChainsTo), result.Signers.Count.ToString(CultureInfo.InvariantCulture), result.IsSignedBy(MicrosoftSecureBootCertificates.WindowsUefiCa2023) ? "2023" : "-");
        return result.IsSigned;
    }

    /// <summary>
    /// Windows event XML from anywhere (a bundle's Text item, wevtutil output), decoded as UTF-8: it reads, or it fails with
    /// WindowsEventFormatException naming a line and position (0 or more) and a problem. Every field of every event is
    /// touched, each data value is found by its name, times are UTC; then the Secure Boot analysis of a bundle holding the
    /// same text must not throw, must report the text unknown exactly when it did not read, and must list its events newest
    /// first with the status and errors among them.
    /// </summary>
    private static bool WindowsEventXmlText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var read = true;
        try
        {
            foreach (var e in WindowsEventXml.Parse(text))
            {
                _ = string.Concat(e.ToString(), e.ProviderName, e.Channel, e.Computer, e.UserId, e.ProviderGuid?.ToString(), e.ActivityId?.ToString());
                _ = (e.EventId, e.Qualifiers, e.Version, e.Level, e.Task, e.Opcode, e.Keywords, e.RecordId, e.UnnamedData.Count);
                if (e.TimeCreated is { } time && time.Offset != TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"Event {e.EventId} has a time of offset {time.Offset}, not UTC.");
                }

                foreach (var pair in e.Data)
                {
                    if (!string.Equals(e.GetData(pair.Key), pair.Value, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Event {e.EventId}'s data '{pair.Key}' is not found by its name.");
                    }
                }
            }
        }
        catch (WindowsEventFormatException ex)
        {
            if (ex.LineNumber < 0 || ex.LinePosition < 0 || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A WindowsEventFormatException at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
            }

            read = false;
        }

        var clock = DateTimeOffset.UnixEpoch;
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Windows, "fuzz", "X64"), clock, "0.0.0",
            [EvidenceItem.ForText(SecureBootEvidenceIds.ServicingEvents, "fuzz", clock, text)]);
        var result = SecureBootEventAnalyzer.Read(bundle);
        if (read == (result.Unknowns.Count > 0))
        {
            throw new InvalidOperationException($"The text {(read ? "read" : "did not read")}, but the analysis has {result.Unknowns.Count} unknowns.");
        }

        for (var i = 1; i < result.Events.Count; i++)
        {
            if (result.Events[i].TimeCreated > result.Events[i - 1].TimeCreated || (result.Events[i].TimeCreated is not null && result.Events[i - 1].TimeCreated is null))
            {
                throw new InvalidOperationException($"Event {i} ({result.Events[i]}) is newer than the one before it ({result.Events[i - 1]}).");
            }
        }

        if ((result.LatestStatus is not null && !result.Events.Contains(result.LatestStatus)) || result.Errors.Any(e => !result.Events.Contains(e) || e.Outcome is not (SecureBootEventOutcome.Failure or SecureBootEventOutcome.Warning)))
        {
            throw new InvalidOperationException("The latest status or an error is not one of the events, or an error is neither a failure nor a warning.");
        }

        _ = string.Concat(result.Events.Select(e => e.ToString() + e.Remedy + e.Data.Count.ToString(CultureInfo.InvariantCulture))) + result.Note + string.Join(",", result.Unknowns);
        return read;
    }

    /// <summary>
    /// A compiled policy from anywhere (a deployed file in a bundle, a rollback copy a user names): switched to each mode, it
    /// either fails with CompiledPolicyFormatException (an offset within the input, a problem; IsSigned exactly for a file that
    /// starts as DER) before anything is changed, or comes back as a copy of the same length that differs from the input at
    /// most in bit 0x01 of byte 0x26 (the audit-mode bit 0x10000 of OptionFlags), reads back in that mode through the switch
    /// and the header reader, and switched back gives the input. Then a Set-ALApplicationControlMode plan for a node whose
    /// AS_Base_Policy file is the input may not throw, and when it has steps, the staged bytes are the switch's.
    /// </summary>
    private static bool PolicyModeSwitch(byte[] input)
    {
        var original = (byte[])input.Clone();
        var read = true;
        foreach (var target in new[] { AppControlMode.Audit, AppControlMode.Enforced })
        {
            byte[] switched;
            try
            {
                switched = CompiledPolicyModeSwitch.Apply(input, target);
            }
            catch (CompiledPolicyFormatException ex)
            {
                if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem) || ex.IsSigned != CompiledPolicyModeSwitch.LooksSigned(input))
                {
                    throw new InvalidOperationException($"A CompiledPolicyFormatException that does not hold together: offset {ex.Offset}, signed {ex.IsSigned}: {ex.Message}", ex);
                }

                read = false;
                continue;
            }

            if (switched.Length != input.Length || Enumerable.Range(0, input.Length).Any(i => i != 0x26 ? switched[i] != input[i] : (switched[i] ^ input[i]) > 0x01))
            {
                throw new InvalidOperationException($"Switching to {target} changed more than the audit-mode bit.");
            }

            if (CompiledPolicyModeSwitch.ReadMode(switched) != target
                || !CompiledPolicyHeaderReader.Instance.TryInspect(switched, out var facts, out _)
                || facts!.IsAuditMode != (target == AppControlMode.Audit))
            {
                throw new InvalidOperationException($"The policy switched to {target} does not read back in that mode.");
            }

            var back = CompiledPolicyModeSwitch.Apply(switched, CompiledPolicyModeSwitch.ReadMode(input));
            if (!back.SequenceEqual(input))
            {
                throw new InvalidOperationException($"Switching to {target} and back does not give the input.");
            }
        }

        if (!input.SequenceEqual(original))
        {
            throw new InvalidOperationException("The switch changed its input.");
        }

        var clock = DateTimeOffset.UnixEpoch;
        const string file = "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip";
        var listing = "Policy ID: a6368f66-e2c9-4aa2-ab79-8743f6597683\nBase Policy ID: a6368f66-e2c9-4aa2-ab79-8743f6597683\nFriendly Name: AS_Base_Policy\nVersion: 281479271940096\nIs Currently Enforced: true\n";
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Windows, "fuzz", "X64"), clock, "0.0.0",
        [
            EvidenceItem.ForText(AppControlEvidenceIds.CiToolPolicies, "fuzz", clock, listing),
            EvidenceItem.ForRecords(AppControlEvidenceIds.ActivePoliciesFolder, "fuzz", clock, [new EvidenceRecord([new("Name", EvidenceValue.FromString(file))])]),
            EvidenceItem.ForBlob(AppControlEvidenceIds.ActivePolicyFile(file), "fuzz", clock, input),
            EvidenceItem.ForText(AppControlEvidenceIds.CodeIntegrityEvents, "fuzz", clock, string.Empty),
        ]);
        var options = new AppControlModeOptions { Now = clock, RollbackFolder = @"C:\rollback", StagingFolder = @"C:\staging" };
        foreach (var target in new[] { AppControlMode.Audit, AppControlMode.Enforced })
        {
            var plan = AppControlPlanner.PlanSetMode(AppControlAnalyzer.Read(bundle), AppControlAnalyzer.ReadEvents(bundle), AppControlPlanner.PolicyFiles(bundle), null, target, options);
            var staged = plan.Steps.FirstOrDefault(s => s.Kind == AppControlStepKind.WritePolicyFile);
            if (staged is not null && staged.Sha256 != Sha256Hex(CompiledPolicyModeSwitch.Apply(input, target)))
            {
                throw new InvalidOperationException($"The plan to {target} stages other bytes than the switch gives.");
            }

            _ = string.Concat(plan.ToString(), plan.RefusalMessage, string.Join(",", plan.Warnings), string.Join(",", plan.Notes));
        }

        return read;
    }

    private static string Sha256Hex(byte[] data)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        return string.Concat(sha.ComputeHash(data).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// CiTool's policy listing from anywhere (a bundle's Text item), decoded as UTF-8, in either form: it reads, or it fails
    /// with CiToolOutputException naming a problem and a line (0 or more). A listing that reads holds at most MaxPolicies
    /// policies, each version its packed number's four parts, a base policy exactly when its base is itself, options without
    /// null; every field is touched. Then the App Control analysis of a Windows bundle holding the text (and nothing else) may
    /// not throw, must take its policies from CiTool exactly when the text read, and must list as active exactly the policies
    /// not marked as not enforced.
    /// </summary>
    /// <summary>
    /// The syslog read's output (Get-AzSSyslogForwarder -Local as JSON) decoded as UTF-8: SyslogForwarderOutputParser.Parse
    /// reads it or fails with SyslogForwarderOutputException and an offset of 0 or more; a read gives at most MaxObjects
    /// objects of at most MaxProperties properties, every documented setting touched. The same text, line by line, is read as
    /// subscription manager values (never throws, HTTPS only with an https scheme). Then SecurityLoggingChecks on a Windows
    /// bundle holding the text may not throw and may call the syslog transport Compliant only when the text read.
    /// </summary>
    private static bool SyslogForwarderOutput(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        IReadOnlyList<AzureLocalSecurity.SecurityLogging.SyslogForwarderConfiguration>? configurations = null;
        try
        {
            configurations = AzureLocalSecurity.SecurityLogging.SyslogForwarderOutputParser.Parse(text);
        }
        catch (AzureLocalSecurity.SecurityLogging.SyslogForwarderOutputException ex)
        {
            if (ex.Offset < 0)
            {
                throw new InvalidOperationException($"A SyslogForwarderOutputException at offset {ex.Offset}: {ex.Message}", ex);
            }
        }

        if (configurations is not null)
        {
            if (configurations.Count > AzureLocalSecurity.SecurityLogging.SyslogForwarderOutputParser.MaxObjects || configurations.Any(c => c.Names.Count > AzureLocalSecurity.SecurityLogging.SyslogForwarderOutputParser.MaxProperties))
            {
                throw new InvalidOperationException("More objects or properties read than the limits.");
            }

            foreach (var c in configurations)
            {
                _ = string.Concat(c.ToString(), c.ServerName, c.ServerPort, c.NoEncryption, c.UseUdp, c.SkipServerCertificateCheck, c.SkipServerCNCheck, c.ClientCertificateThumbprint, c.HasClientCertificateProperty);
            }
        }

        foreach (var line in text.Split('\n'))
        {
            var entry = AzureLocalSecurity.SecurityLogging.SubscriptionManagerEntry.Parse(line);
            if (entry.IsHttps && entry.ServerUri?.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException($"'{line}' is HTTPS without an https address.");
            }

            _ = string.Concat(entry.Server, entry.Scheme, entry.RefreshSeconds, entry.IssuerCA, entry.Pairs.Count);
        }

        var clock = DateTimeOffset.UnixEpoch;
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Windows, "fuzz", "X64"), clock, "0.0.0",
            [EvidenceItem.ForText(SecurityLoggingEvidenceIds.SyslogForwarder, "fuzz", clock, text)]);
        var results = AzureLocalSecurity.SecurityLogging.SecurityLoggingChecks.Evaluate(bundle);
        if (configurations is not { Count: > 0 } && results.Any(r => r.Id == AzureLocalSecurity.SecurityLogging.SecurityLoggingChecks.SyslogTlsId && r.Status == AzureLocalSecurity.Results.CheckStatus.Compliant))
        {
            throw new InvalidOperationException("The syslog transport was called Compliant from output that did not read.");
        }

        return configurations is not null;
    }

    private static bool CiToolList(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        IReadOnlyList<CiToolPolicy>? policies = null;
        try
        {
            policies = CiToolPolicyListParser.Parse(text);
        }
        catch (CiToolOutputException ex)
        {
            if (ex.Line < 0 || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A CiToolOutputException at line {ex.Line}: {ex.Message}", ex);
            }
        }

        if (policies is not null)
        {
            if (policies.Count > CiToolPolicyListParser.MaxPolicies)
            {
                throw new InvalidOperationException($"{policies.Count} policies read, more than the limit.");
            }

            foreach (var p in policies)
            {
                if (p.VersionRaw is { } raw && p.Version != CiToolPolicy.VersionFromPacked(raw))
                {
                    throw new InvalidOperationException($"Policy {p.PolicyId}: version {p.Version} is not the parts of {raw}.");
                }

                if (p.IsBasePolicy != (p.BasePolicyId is { } b ? b == p.PolicyId : null) || (p.PolicyOptions?.Any(o => o is null) ?? false))
                {
                    throw new InvalidOperationException($"Policy {p.PolicyId}: IsBasePolicy or the options do not hold together.");
                }

                _ = string.Concat(p.ToString(), p.FriendlyName, p.Format.ToString(), string.Join(",", p.PolicyOptions ?? []));
                _ = (p.IsPlatformPolicy, p.IsSigned, p.HasFileOnDisk, p.IsEnforced, p.IsAuthorized, p.Status);
            }
        }

        var clock = DateTimeOffset.UnixEpoch;
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Windows, "fuzz", "X64"), clock, "0.0.0",
            [EvidenceItem.ForText(AppControlEvidenceIds.CiToolPolicies, "fuzz", clock, text)]);
        var state = AppControlAnalyzer.Read(bundle);
        if ((state.PolicySource == AppControlAnalyzer.CiToolSource) != (policies is not null))
        {
            throw new InvalidOperationException($"The text {(policies is null ? "did not read" : "read")}, but the analysis took its policies from {state.PolicySource ?? "nowhere"}.");
        }

        if (policies is not null && state.Policies.Count != policies.Count(p => p.IsEnforced != false))
        {
            throw new InvalidOperationException($"{state.Policies.Count} active policies in the analysis, {policies.Count(p => p.IsEnforced != false)} in the listing.");
        }

        _ = string.Concat(state.Policies.Select(p => p.ToString() + p.Mode + p.Label + string.Join(",", p.Unknowns))) + string.Join(",", state.Unknowns);
        return policies is not null;
    }

    /// <summary>
    /// A signature database from anywhere (an efivarfs file without its attributes, a bundle's blob): it parses, or it
    /// fails with EfiFormatException naming a byte of the input. A parsed database must account for every byte and every
    /// entry, each decoded entry be consistent, and the same input read again without certificate decoding give the same
    /// entries.
    /// </summary>
    private static bool EfiSignatureList(byte[] input)
    {
        EfiSignatureDatabaseContents contents;
        try
        {
            contents = EfiSignatureDatabase.Parse(input);
        }
        catch (EfiFormatException ex)
        {
            CheckEfiOffset(ex, input);
            return false;
        }

        CheckDatabase(contents, input, 0);
        var raw = EfiSignatureDatabase.Parse(input, new EfiParseOptions { DecodeCertificates = false });
        if (raw.Entries.Count != contents.Entries.Count)
        {
            throw new InvalidOperationException($"{raw.Entries.Count} entries without certificate decoding, {contents.Entries.Count} with it.");
        }

        return true;
    }

    /// <summary>
    /// A signed update from anywhere: it parses, or it fails with EfiFormatException naming a byte of the input. A parsed
    /// one must place its PKCS#7 and payload where dwLength says, and its payload pass the database checks and read the
    /// same on its own.
    /// </summary>
    private static bool EfiAuthVariable(byte[] input)
    {
        EfiAuthenticatedVariable update;
        try
        {
            update = EfiAuthenticatedVariable.Parse(input);
        }
        catch (EfiFormatException ex)
        {
            CheckEfiOffset(ex, input);
            return false;
        }

        if (update.PayloadOffset != 16 + update.CertificateLength || update.Pkcs7Length != update.CertificateLength - 24
            || !update.GetPkcs7().AsSpan().SequenceEqual(input.AsSpan(40, update.Pkcs7Length)))
        {
            throw new InvalidOperationException($"The PKCS#7 ({update.Pkcs7Length} bytes) and payload (at {update.PayloadOffset}) are not where dwLength {update.CertificateLength} puts them.");
        }

        _ = update.TimeStamp.ToString() + update.TimeStamp.ToDateTime()?.Ticks.ToString(CultureInfo.InvariantCulture) + update.CertificatesError + update.ToString();
        foreach (var certificate in update.Certificates)
        {
            if ((certificate.Error is null) == (certificate.Thumbprint is null))
            {
                throw new InvalidOperationException("A PKCS#7 certificate has both or neither of a thumbprint and an error.");
            }

            _ = string.Concat(certificate.Subject, certificate.Issuer, certificate.SerialNumber, certificate.Sha256, certificate.KnownName, certificate.ToString())
                + certificate.NotAfter?.Ticks.ToString(CultureInfo.InvariantCulture) + certificate.GetRawData().Length.ToString(CultureInfo.InvariantCulture);
        }

        if (update.Signers.Any(s => !s.IsSigner || !update.Certificates.Contains(s)))
        {
            throw new InvalidOperationException("A signer is not one of the certificates marked as signer.");
        }

        CheckDatabase(update.Payload, input, update.PayloadOffset);
        var alone = EfiSignatureDatabase.Parse(input.AsSpan(update.PayloadOffset).ToArray());
        if (alone.Entries.Count != update.Payload.Entries.Count)
        {
            throw new InvalidOperationException($"The payload read alone has {alone.Entries.Count} entries, inside the update {update.Payload.Entries.Count}.");
        }

        return true;
    }

    /// <summary>
    /// A TCG event log from anywhere: it parses, or fails with TcgEventLogFormatException naming a byte of the input. A log
    /// that parses must hold together (records back to back to the last byte, each digest one of the Spec ID's banks at its
    /// size, each record's data inside it); every record's data then decodes without throwing (what does not decode keeps
    /// all its bytes), every SIPA event lies inside its record and its children fill it, the replay has a bank per
    /// algorithm and counts every record it extends, and the digest check runs. Every field a caller reads is touched.
    /// </summary>
    private static bool TcgEventLogBytes(byte[] input)
    {
        TcgEventLog log;
        try
        {
            log = TcgEventLog.Parse(input);
        }
        catch (TcgEventLogFormatException ex)
        {
            CheckTcgOffset(ex, input);
            return false;
        }

        var next = 0;
        var extended = 0;
        foreach (var record in log.Events)
        {
            if (record.Offset != next || record.DataOffset < record.Offset || record.DataOffset + record.DataSize != record.Offset + record.Size)
            {
                throw new InvalidOperationException($"Record {record.Index} at {record.Offset} ({record.Size} bytes, data {record.DataOffset}+{record.DataSize}) does not follow at {next}.");
            }

            next = record.Offset + record.Size;
            foreach (var digest in record.Digests)
            {
                // Record 0 is a TCG_PCR_EVENT in both formats: one SHA-1 digest, whatever banks the Spec ID declares.
                var declared = record.Index == 0 ? digest.Algorithm == TcgAlgorithm.Sha1 && digest.Size == 20 : log.Algorithms.Any(a => a.Id == digest.Algorithm && a.DigestSize == digest.Size);
                if (!declared || digest.Hex.Length != 2 * digest.Size)
                {
                    throw new InvalidOperationException($"Record {record.Index} has a {digest.AlgorithmName} digest of {digest.Size} bytes the log does not declare.");
                }
            }

            if (record.EventType != TcgEventType.NoAction && record.PcrIndex < PcrReplay.PcrCount)
            {
                extended++;
            }

            _ = string.Concat(record.ToString(), record.EventTypeName, record.GetData().Length.ToString(CultureInfo.InvariantCulture));
            DescribeEventData(record, input);
        }

        if (next != input.Length)
        {
            throw new InvalidOperationException($"The records end at {next} of {input.Length} bytes.");
        }

        _ = string.Concat(log.ToString(), log.SpecId?.ToString(), log.SpecId?.GetVendorInfo().Length.ToString(CultureInfo.InvariantCulture));
        var replay = PcrReplay.Replay(log);
        if (replay.Banks.Count != log.Algorithms.Count || replay.Banks.Any(b => b.Pcrs.Count != PcrReplay.PcrCount) || replay.Banks.Any(b => b.Pcrs.Sum(p => p.ExtendCount) != extended))
        {
            throw new InvalidOperationException($"The replay has {replay.Banks.Count} banks for {log.Algorithms.Count} algorithms, or does not count the {extended} records extended.");
        }

        foreach (var pcr in replay.Banks.SelectMany(b => b.Pcrs))
        {
            if ((pcr.Value is null) == (pcr.Unknown is null))
            {
                throw new InvalidOperationException($"{pcr} has both or neither of a value and an Unknown reason.");
            }

            _ = pcr.ToString();
        }

        _ = string.Join(";", replay.Notes) + string.Join(";", EventDigestCheck.Check(log).Select(m => m.ToString()));
        return true;
    }

    /// <summary>Decodes a record's data and touches every decoded field; raw data must keep every byte, SIPA events must lie inside the record.</summary>
    private static void DescribeEventData(TcgEvent record, byte[] input)
    {
        var decoded = record.Decoded;
        _ = decoded.Summary + decoded.DecodeProblem;
        switch (decoded)
        {
            case TcgRawEventData raw when raw.Size != record.DataSize:
                throw new InvalidOperationException($"Record {record.Index} kept {raw.Size} of its {record.DataSize} bytes raw.");
            case TcgTaggedEventData tagged:
                if (tagged.IsSipa)
                {
                    CheckSipaLevel(tagged.SipaEvents, record.DataOffset, record.DataOffset + record.DataSize, input);
                }

                break;
            case TcgEfiVariableEventData variable:
                _ = string.Concat(variable.VendorName, variable.VariableName, variable.GetVariableData().Length.ToString(CultureInfo.InvariantCulture), string.Join(",", variable.BootOrder ?? []), variable.BootOptionDescription, variable.BootOptionDevicePath, variable.IsSecureBootPolicy ? "policy" : "-");
                break;
            case TcgGptEventData gpt:
                _ = string.Concat(gpt.Partitions.Select(p => p.ToString() + p.Attributes.ToString(CultureInfo.InvariantCulture) + p.UniqueGuid));
                break;
            case TcgHandoffTablesEventData tables:
                _ = string.Concat(tables.Tables.Select(t => t.ToString()));
                break;
            case TcgNoActionEventData noAction:
                _ = string.Concat(noAction.Signature, noAction.StartupLocality?.ToString(CultureInfo.InvariantCulture), noAction.ReferenceManifestGuid?.ToString());
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A SIPA byte sequence from anywhere, as SipaEventParser reads it alone: it parses, or fails with
    /// TcgEventLogFormatException naming a byte of the input. Events that parse follow each other to the end of the input,
    /// an aggregation's children fill its value exactly, and every decoded field is touched.
    /// </summary>
    private static bool SipaBytes(byte[] input)
    {
        IReadOnlyList<SipaEvent> events;
        try
        {
            events = SipaEventParser.Parse(input);
        }
        catch (TcgEventLogFormatException ex)
        {
            CheckTcgOffset(ex, input);
            return false;
        }

        CheckSipaLevel(events, 0, input.Length, input);
        return true;
    }

    /// <summary>The events follow each other from <paramref name="start"/> to <paramref name="end"/>, each value inside, children filling their parent.</summary>
    private static void CheckSipaLevel(IReadOnlyList<SipaEvent> events, int start, int end, byte[] input)
    {
        var next = start;
        foreach (var sipa in events)
        {
            if (sipa.Offset != next || sipa.Offset + SipaEventParser.HeaderSize + sipa.Size > end)
            {
                throw new InvalidOperationException($"SIPA event {sipa.Name} at {sipa.Offset} ({sipa.Size} bytes) does not follow at {next} inside {start}..{end}.");
            }

            next = sipa.Offset + SipaEventParser.HeaderSize + sipa.Size;
            if (sipa.IsAggregation)
            {
                CheckSipaLevel(sipa.Children, sipa.Offset + SipaEventParser.HeaderSize, next, input);
            }
            else if (sipa.Children.Count != 0)
            {
                throw new InvalidOperationException($"SIPA event {sipa.Name} is not an aggregation but has children.");
            }

            _ = string.Concat(sipa.ToString(), sipa.Number?.ToString(CultureInfo.InvariantCulture), sipa.Boolean?.ToString(), sipa.Text, string.Join(",", sipa.Flags ?? []), sipa.HashAlgorithm, sipa.SiPolicy?.ToString(), sipa.RevocationList?.ToString(), sipa.DecodeProblem, sipa.IsMeasured ? "m" : "-", sipa.GetValue().Length.ToString(CultureInfo.InvariantCulture));
        }

        if (next != end)
        {
            throw new InvalidOperationException($"SIPA events end at {next}, not at {end}.");
        }
    }

    /// <summary>A format error names a byte of the input (or the end of it) and says what is wrong.</summary>
    private static void CheckTcgOffset(TcgEventLogFormatException ex, byte[] input)
    {
        if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem))
        {
            throw new InvalidOperationException($"A TcgEventLogFormatException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
        }
    }

    /// <summary>A format error names a byte of the input (or the end of it) and says what is wrong.</summary>
    private static void CheckEfiOffset(EfiFormatException ex, byte[] input)
    {
        if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem))
        {
            throw new InvalidOperationException($"An EfiFormatException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The lists follow each other from <paramref name="start"/> to the end of the input, their entries fill them exactly,
    /// and every entry's decoded fields agree with its type; every field a caller reads is touched.
    /// </summary>
    private static void CheckDatabase(EfiSignatureDatabaseContents contents, byte[] input, int start)
    {
        var next = start;
        var entryCount = 0;
        foreach (var list in contents.Lists)
        {
            var body = list.ListSize - 28 - list.HeaderSize;
            if (list.Offset != next || list.SignatureSize <= 16 || body < 0 || list.Entries.Count * list.SignatureSize != body)
            {
                throw new InvalidOperationException($"List {list.Index} at {list.Offset} ({list.ListSize} bytes, {list.Entries.Count} × {list.SignatureSize}) does not follow at {next} or is not filled by its entries.");
            }

            foreach (var entry in list.Entries)
            {
                CheckEntry(entry, list, input);
            }

            _ = list.ToString() + list.GetHeader().Length.ToString(CultureInfo.InvariantCulture);
            entryCount += list.Entries.Count;
            next += list.ListSize;
        }

        if (next != input.Length || contents.Length != input.Length - start || entryCount != contents.Entries.Count)
        {
            throw new InvalidOperationException($"The lists cover {start}..{next} of {input.Length} bytes (Length {contents.Length}) with {entryCount} of {contents.Entries.Count} entries.");
        }

        var firstHash = contents.Entries.FirstOrDefault(e => e.Hash is not null);
        if (firstHash is not null && !contents.ContainsHash(firstHash.GetData().AsSpan(0, firstHash.Hash!.Length / 2).ToArray()))
        {
            throw new InvalidOperationException("The database does not find a hash it holds.");
        }
    }

    private static void CheckEntry(EfiSignatureEntry entry, EfiSignatureList list, byte[] input)
    {
        var data = entry.GetData();
        if (entry.ListIndex != list.Index || entry.Kind != list.Kind || data.Length != list.SignatureSize - 16
            || !data.AsSpan().SequenceEqual(input.AsSpan(entry.Offset + 16, data.Length)))
        {
            throw new InvalidOperationException($"Entry {entry.ListIndex}.{entry.EntryIndex} at {entry.Offset} is not the bytes of its list.");
        }

        switch (entry.Kind)
        {
            case EfiSignatureKind.X509 when (entry.Error is null) == (entry.Thumbprint is null):
                throw new InvalidOperationException($"Certificate entry {entry.ListIndex}.{entry.EntryIndex} has both or neither of a thumbprint and an error.");
            case EfiSignatureKind.Sha1 or EfiSignatureKind.Sha224 or EfiSignatureKind.Sha256 or EfiSignatureKind.Sha384 or EfiSignatureKind.Sha512 when entry.Hash?.Length != data.Length * 2:
                throw new InvalidOperationException($"Hash entry {entry.ListIndex}.{entry.EntryIndex} has a hash of {entry.Hash?.Length} hex digits for {data.Length} bytes.");
            case EfiSignatureKind.X509Sha256 or EfiSignatureKind.X509Sha384 or EfiSignatureKind.X509Sha512 when entry.RevocationTime is null:
                throw new InvalidOperationException($"Certificate hash entry {entry.ListIndex}.{entry.EntryIndex} has no time of revocation.");
            default:
                break;
        }

        if (entry.Owner == EfiSignatureOwners.WindowsSvn && entry.Kind == EfiSignatureKind.Sha256 && (entry.Svn is null) == (entry.Error is null))
        {
            throw new InvalidOperationException($"SVN entry {entry.ListIndex}.{entry.EntryIndex} has both or neither of a decoded record and an error.");
        }

        _ = string.Concat(entry.SignatureTypeName, entry.OwnerName, entry.Subject, entry.Issuer, entry.SerialNumber, entry.CertificateSha256, entry.KnownName, entry.Svn?.ToString(), entry.ToString())
            + entry.RevocationTime?.ToDateTime()?.Ticks.ToString(CultureInfo.InvariantCulture) + entry.NotAfter?.Ticks.ToString(CultureInfo.InvariantCulture);
        if (data.Length == 32)
        {
            _ = DbxKnowledge.Describe(data);
        }
    }

    /// <summary>
    /// The input is the data of the RSA EK certificate index (0x01C00002), wrapped in well-formed NV responses as a TPM
    /// returns them, beside a real persistent EK from swtpm: the analyzer's certificate path (DER trimming, X.509 parsing,
    /// matching the certificate's key to the EK) must end in a result, never an exception.
    /// </summary>
    private static bool TpmEkCertificate(byte[] input)
    {
        var data = input.Length > 4096 ? input.Take(4096).ToArray() : input;
        var clock = DateTimeOffset.UnixEpoch;
        const uint Index = 0x01C00002;
        var nvRead = new List<byte>();
        for (var offset = 0; offset < data.Length; offset += 1024)
        {
            var chunk = data.Skip(offset).Take(1024).ToArray();
            nvRead.AddRange(TpmResponse(0x8002, [.. BigEndian(2u + (uint)chunk.Length), (byte)(chunk.Length >> 8), (byte)chunk.Length, .. chunk, 0, 0, 1, 0, 0]));
        }

        byte[] nvPublic = [.. BigEndian(Index), 0x00, 0x0B, .. BigEndian(0x20040000u), 0x00, 0x00, (byte)(data.Length >> 8), (byte)data.Length];
        var items = new List<EvidenceItem>
        {
            EvidenceItem.ForRecords(TpmEvidenceIds.Transport, "fuzz", clock, [new EvidenceRecord([new("Transport", EvidenceValue.FromString("Tcp")), new("Endpoint", EvidenceValue.FromString("fuzz"))])]),
            EvidenceItem.ForBlob(TpmEvidenceIds.CapabilityNvIndexes, "fuzz", clock, TpmResponse(0x8001, [0, .. BigEndian(1u), .. BigEndian(1u), .. BigEndian(Index)])),
            EvidenceItem.ForBlob(TpmEvidenceIds.NvReadPublic(Index), "fuzz", clock, TpmResponse(0x8001, [(byte)(nvPublic.Length >> 8), (byte)nvPublic.Length, .. nvPublic, 0x00, 0x22, .. new byte[34]])),
            EvidenceItem.ForBlob(TpmEvidenceIds.NvRead(Index), "fuzz", clock, nvRead.ToArray()),
            EvidenceItem.ForBlob(TpmEvidenceIds.ReadPublic(0x81010001), "fuzz", clock, RealRsaEk.Value),
        };
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Linux, "fuzz", "X64"), clock, "0.0.0", items);
        var info = TpmAnalyzer.Describe(bundle);
        var certificate = info.EndorsementCertificates?.SingleOrDefault() ?? throw new InvalidOperationException("The certificate index was not reported.");
        _ = string.Concat(certificate.Subject, certificate.Issuer, certificate.SerialNumber, certificate.Thumbprint, certificate.KeyAlgorithm, certificate.Error);
        var keys = TpmAnalyzer.ReadEndorsementKeys(bundle, out var unknowns);
        _ = string.Concat(keys.Select(k => k.ToString() + k.CertificateNvIndex + k.CertificateIssuer)) + string.Join(",", unknowns);
        return certificate.Provisioned;
    }

    /// <summary>swtpm's persistent RSA EK (TPM2_ReadPublic of 0x81010001), from the tpm-response corpus.</summary>
    private static readonly Lazy<byte[]> RealRsaEk = new(() =>
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("swtpm-read-public-0x81010001.bin") ?? throw new InvalidOperationException("The embedded EK response is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static byte[] TpmResponse(ushort tag, byte[] body) => [(byte)(tag >> 8), (byte)tag, .. BigEndian(10u + (uint)body.Length), 0, 0, 0, 0, .. body];

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    /// <summary>The three TPM analyses of a bundle whose every TPM item holds the input; none may throw.</summary>
    private static void AnalyzeTpmBundle(byte[] input)
    {
        var clock = DateTimeOffset.UnixEpoch;
        var items = new List<EvidenceItem>
        {
            EvidenceItem.ForRecords(TpmEvidenceIds.Transport, "fuzz", clock,
            [
                new EvidenceRecord([new("Transport", EvidenceValue.FromString("Tcp")), new("Endpoint", EvidenceValue.FromString("fuzz"))]),
            ]),
        };
        items.AddRange(TpmBlobIds.Select(id => EvidenceItem.ForBlob(id, "fuzz", clock, input)));
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("fuzz", NodePlatform.Linux, "fuzz", "X64"), clock, "0.0.0", items);

        var info = TpmAnalyzer.Describe(bundle);
        _ = string.Concat(info.TpmVersion, info.SpecRevision, info.Manufacturer, info.VendorString, info.FirmwareVersion, info.Transport);
        _ = string.Join(",", info.PcrBanks ?? []) + string.Join(",", info.Algorithms ?? []) + string.Join(",", info.Unknowns);
        foreach (var certificate in info.EndorsementCertificates ?? [])
        {
            _ = string.Concat(certificate.NvIndex, certificate.Template, certificate.Subject, certificate.Error);
        }

        foreach (var pcr in TpmAnalyzer.ReadPcrs(bundle, out var reason))
        {
            _ = pcr.ToString() + reason;
        }

        foreach (var key in TpmAnalyzer.ReadEndorsementKeys(bundle, out var unknowns))
        {
            _ = string.Concat(key.ToString(), key.PublicKeyPem, key.CertificateNvIndex, string.Join(",", unknowns));
        }
    }

    // The Describe* helpers read every field a caller reads, but sum and count rather than print, so that what the bound
    // measures is the decoders' own cost and not string building in the harness.
    private static string DescribeCapability(TpmCapabilityData data) =>
        string.Concat(
            data.Properties.Sum(p => (long)p.Property + p.Value).ToString(CultureInfo.InvariantCulture),
            data.Algorithms.Sum(a => (long)a.Algorithm + a.Attributes).ToString(CultureInfo.InvariantCulture),
            data.Handles.Sum(h => (long)h).ToString(CultureInfo.InvariantCulture),
            DescribeSelections(data.Pcrs));

    private static string DescribePcrRead(TpmPcrReadResult read)
    {
        var selected = read.Selections.Sum(s => s.Indexes.Count);
        if (read.Digests.Count != selected)
        {
            throw new InvalidOperationException($"PcrRead returned {read.Digests.Count} digests for a selection of {selected} PCRs.");
        }

        return DescribeSelections(read.Selections) + read.Digests.Sum(d => d.Length).ToString(CultureInfo.InvariantCulture);
    }

    private static string DescribeSelections(IReadOnlyList<TpmPcrSelection> selections) =>
        string.Join(",", selections.Select(s => TpmNames.Algorithm(s.HashAlgorithm))) + selections.Sum(s => s.Indexes.Sum()).ToString(CultureInfo.InvariantCulture);

    private static string DescribeObject(TpmCreatedObject created)
    {
        var area = created.PublicArea;
        _ = area.ComputeName();
        _ = TpmPublicKeyEncoding.EncodeSubjectPublicKeyInfo(area);
        return string.Concat(TpmNames.Algorithm(area.Type), TpmNames.EccCurve(area.Curve), area.GetBytes().Length.ToString(CultureInfo.InvariantCulture), created.Name.Length.ToString(CultureInfo.InvariantCulture));
    }

    private static string DescribeNvPublic(TpmNvPublic nv) =>
        string.Concat(nv.Index.ToString("X8", CultureInfo.InvariantCulture), TpmNames.Algorithm(nv.NameAlgorithm), nv.Written ? "written" : "empty", nv.DataSize.ToString(CultureInfo.InvariantCulture));

    private static string DescribeQuote(TpmQuote quote) =>
        string.Concat(
            quote.GetAttestBytes().Length.ToString(CultureInfo.InvariantCulture),
            TpmNames.Algorithm(quote.Signature.Algorithm),
            TpmNames.Algorithm(quote.Signature.HashAlgorithm),
            DescribeSelections(quote.PcrSelections),
            quote.Clock.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A compiled App Control policy from anywhere (a .cip, SiPolicy.p7b, signed or not): it reads, or it fails with
    /// SiPolicyFormatException naming a byte of the input. A policy that reads must validate without throwing, compile again
    /// in its own format, and that compilation must read back and compile to the same bytes (the compiler's order is a
    /// fixed point); through XML (when its strings are characters XML can carry; the two binary-only fields carried over) it must compile to the same bytes too.
    /// </summary>
    private static bool SiPolicyBinary(byte[] input)
    {
        CompiledPolicy compiled;
        try
        {
            compiled = SiPolicyBinaryReader.Read(input);
        }
        catch (SiPolicyFormatException ex)
        {
            if (ex.Offset < 0 || ex.Offset > input.Length || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A SiPolicyFormatException at offset {ex.Offset} of an input of {input.Length} bytes: {ex.Message}", ex);
            }

            return false;
        }

        if (compiled.PolicySize > compiled.Size || compiled.Size != input.Length || (compiled.IsSigned != (input[0] == 0x30)) || (!compiled.IsSigned && compiled.Signers.Count > 0))
        {
            throw new InvalidOperationException($"Sizes {compiled.PolicySize}/{compiled.Size} or signing ({compiled.IsSigned}, {compiled.Signers.Count} signers) do not fit an input of {input.Length} bytes.");
        }

        _ = SiPolicyValidator.Validate(compiled.Policy).Count + compiled.Policy.ToString().Length + string.Concat(compiled.Signers).Length;
        var once = SiPolicyBinaryWriter.Write(compiled.Policy, compiled.FormatVersion);
        var again = SiPolicyBinaryReader.Read(once);
        if (again.FormatVersion != compiled.FormatVersion || !once.AsSpan().SequenceEqual(SiPolicyBinaryWriter.Write(again.Policy, again.FormatVersion)))
        {
            throw new InvalidOperationException("A compiled policy read back does not compile to the same bytes.");
        }

        string xml;
        try
        {
            xml = SiPolicyXml.ToXml(compiled.Policy);
        }
        catch (ArgumentException)
        {
            // A string holding a character XML 1.0 cannot carry (a control character): the binary can, the XML cannot.
            return true;
        }

        // The two binary-only fields (unmapped option bits, the app settings block) do not pass through XML: carry them over.
        var viaXml = SiPolicyXml.Parse(xml);
        viaXml.UnmappedOptionFlags = compiled.Policy.UnmappedOptionFlags;
        viaXml.CompiledAppSettings = compiled.Policy.CompiledAppSettings;
        if (!once.AsSpan().SequenceEqual(SiPolicyBinaryWriter.Write(viaXml, compiled.FormatVersion)))
        {
            throw new InvalidOperationException("A compiled policy through XML does not compile to the same bytes.");
        }

        return true;
    }

    /// <summary>
    /// Policy XML from anywhere (bytes, the encoding from the byte order mark or declaration): it reads, or it fails with
    /// SiPolicyFormatException (line and position 0 or more, a problem). A policy that reads must validate without throwing,
    /// save and load to the same XML, and compile exactly when the validator reports no error and nothing it cannot
    /// compile; a compiled one must read back and compile to the same bytes.
    /// </summary>
    private static bool SiPolicyXmlText(byte[] input)
    {
        SiPolicy policy;
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            policy = SiPolicyXml.Load(stream);
        }
        catch (SiPolicyFormatException ex)
        {
            if (ex.LineNumber < 0 || ex.LinePosition < 0 || string.IsNullOrEmpty(ex.Problem))
            {
                throw new InvalidOperationException($"A SiPolicyFormatException at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
            }

            return false;
        }

        var issues = SiPolicyValidator.Validate(policy);
        _ = policy.ToString().Length + policy.Mode.ToString().Length + (policy.Name?.Length ?? 0) + string.Concat(issues.Select(i => i.ToString())).Length;
        string xml;
        try
        {
            xml = SiPolicyXml.ToXml(policy);
        }
        catch (ArgumentException) when (issues.Any(i => i.Code == SiPolicyValidator.InvalidSetting))
        {
            // A setting whose value is not of its kind cannot be written; the validator said so.
            return true;
        }

        if (!string.Equals(xml, SiPolicyXml.ToXml(SiPolicyXml.Parse(xml)), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Saved policy XML does not load and save to the same XML.");
        }

        var compilable = !issues.Any(i => i.Severity == SiPolicyValidationSeverity.Error || i.Code == SiPolicyValidator.NotCompilable);
        byte[] binary;
        try
        {
            binary = SiPolicyBinaryWriter.Write(policy);
        }
        catch (SiPolicyFormatException ex)
        {
            if (compilable)
            {
                throw new InvalidOperationException($"A policy the validator passed was not compiled: {ex.Message}", ex);
            }

            return true;
        }

        var read = SiPolicyBinaryReader.Read(binary);
        if (!binary.AsSpan().SequenceEqual(SiPolicyBinaryWriter.Write(read.Policy, read.FormatVersion)))
        {
            throw new InvalidOperationException("A compiled policy read back does not compile to the same bytes.");
        }

        return true;
    }
}
