using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.SecureBoot.Events;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded App Control bundles, item for item in the collector's shapes (<see cref="AppControlEvidenceIds"/>: ids, kinds,
/// sources, record properties and value kinds), on top of the Secured-core bundles that already hold Win32_DeviceGuard (so the
/// node's status is the evidence the Secured-core collector files, not a second copy). They are not captures:
/// <list type="bullet">
/// <item>the policies of the Azure Local node are those of Azure Local's <c>Get-ASLocalWDACPolicyInfo</c> sample
/// (Vectors/appcontrol), AS_Base_Policy 1.1.4.0 with the options Azure Local's security page lists for it, and its sample
/// supplemental Contoso-Policy 1.0.0.1, beside Microsoft's driver policy as Microsoft's CiTool reference lists it;</item>
/// <item>the CiTool JSON is written by this project with the names Vectors/appcontrol/PROVENANCE.md gives (no real JSON
/// sample was found);</item>
/// <item>the compiled policies are headers only (FORMATS.md §3: FormatVersion 8, the policy id, the Windows platform id,
/// OptionFlags, zero counts, VersionEx, the header length), and the signed driver policy is that header in a PKCS#7 SignedData
/// shell made here, with no signer;</item>
/// <item>the Code Integrity events are written in the shape <c>EventRecord.ToXml()</c> renders, with the data names of the real
/// events in Vectors/windows; files, hashes, signers, times and record numbers are illustrative.</item>
/// </list>
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the Windows collector's pure error builder and the CIM reader's class spec are used, so that the bundles say what the collectors say; no Windows API is called.")]
internal static class AppControlBundles
{
    internal static readonly Guid AzureLocalBase = new("A6368F66-E2C9-4AA2-AB79-8743F6597683");
    internal static readonly Guid ContosoPolicy = new("2112036A-74E9-47DC-A016-F126297A3427");
    internal static readonly Guid DriverPolicy = new("d2bda982-ccf6-4344-ac5b-0b44427b6816");
    internal static readonly Guid WindowsPlatform = new("2E07F7E4-194C-4D20-B7C9-6F44A6C5A234");

    /// <summary>
    /// AS_Base_Policy's options as Azure Local's security page lists them: UMCI 0x4, Required:WHQL 0x80, Allow Supplemental
    /// 0x400, Revoked Expired As Unsigned 0x2000, Unsigned System Integrity Policy 0x80000, Dynamic Code Security 0x100000,
    /// Advanced Boot Options Menu 0x800000, Script Enforcement disabled 0x1000000, Update Policy No Reboot 0x10000000; and the
    /// format's own 0x80000000.
    /// </summary>
    internal const uint BaseFlags = 0x91982484;

    /// <summary>"Enabled:Audit Mode".</summary>
    internal const uint AuditFlag = 0x10000;

    /// <summary>The supplemental policy's: UMCI and Unsigned System Integrity Policy, and the format's bit.</summary>
    internal const uint SupplementalFlags = 0x80080004;

    /// <summary>The driver policy's: Required:WHQL and the format's bit (illustrative).</summary>
    internal const uint DriverFlags = 0x80000080;

    internal const string System32 = @"C:\Windows\System32";
    internal const string BlockedFile = @"\Device\HarddiskVolume3\Users\admin\Downloads\netscan.exe";
    internal const string SignedFile = @"\Device\HarddiskVolume3\Program Files\Contoso\Agent\agent.dll";

    internal static readonly string[] BaseOptions =
    [
        "Enabled:UMCI", "Required:WHQL", "Enabled:Allow Supplemental Policies", "Enabled:Revoked Expired As Unsigned",
        "Enabled:Unsigned System Integrity Policy", "Enabled:Dynamic Code Security", "Enabled:Advanced Boot Options Menu",
        "Disabled:Script Enforcement", "Enabled:Update Policy No Reboot",
    ];

    private static DateTimeOffset T => Bundles.Time;

    internal static string CiToolPath => System32 + @"\CiTool.exe";

    internal static string ActiveFolder => System32 + @"\CodeIntegrity\CiPolicies\Active";

    /// <summary>
    /// An Azure Local node in enforced mode (Win32_DeviceGuard 2 and 2, the Secured-core bundle's): CiTool's JSON lists
    /// AS_Base_Policy, the supplemental Contoso-Policy and Microsoft's driver policy, all enforced; the Active folder holds the
    /// two deployed ones; the log holds their activations and two blocks of an unsigned file and one of a signed one.
    /// </summary>
    internal static EvidenceBundle AzureLocalEnforced()
    {
        var items = SecuredCoreBundles.CompliantAzureLocalNode().Items.ToList();
        items.AddRange(CiTool(EnforcedJson(), AppControlEvidenceIds.JsonFormat));
        items.AddRange(Folder(
            (BaseFile, Header(AzureLocalBase, BaseFlags, new Version(1, 1, 4, 0))),
            (ContosoFile, Header(ContosoPolicy, SupplementalFlags, new Version(1, 0, 0, 1)))));
        items.AddRange(Events(
        [
            Blocked(3077, "2026-10-31T17:45:12.5031337Z", 2210, new Guid("0f6f0c8e-61a2-4b1d-9c83-000000000003"), SignedFile, @"\Device\HarddiskVolume3\Program Files\Contoso\Agent\agentsvc.exe", "Contoso Agent", "Contoso Ltd", "DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1"),
            Blocked(3077, "2026-10-30T09:02:47.1200000Z", 2104, new Guid("0f6f0c8e-61a2-4b1d-9c83-000000000002"), BlockedFile, @"\Device\HarddiskVolume3\Windows\System32\cmd.exe", null, null, null),
            Blocked(3077, "2026-10-29T14:20:05.7000000Z", 2051, new Guid("0f6f0c8e-61a2-4b1d-9c83-000000000001"), BlockedFile, @"\Device\HarddiskVolume3\Windows\explorer.exe", null, null, null),
            [Activation("2026-10-28T06:12:03.1234567Z", 1502, ContosoPolicy, "Contoso-Policy", "Contoso-Policy_1.0.0.1", SupplementalFlags)],
            [Activation("2026-10-28T06:12:02.9000000Z", 1501, AzureLocalBase, "AS_Base_Policy", "AS_Base_Policy_1.1.4.0", BaseFlags)],
        ]));
        return Node(items, "NODE01");
    }

    /// <summary>
    /// The same node switched to audit mode (Enable-AsWdacPolicy -Mode Audit): Win32_DeviceGuard 1 and 1, AS_Base_Policy
    /// redeployed with "Enabled:Audit Mode"; CiTool gives its text form (no options, as on the real lab outputs), so each
    /// policy's mode comes from its file; the log holds audit events (3076) for the file the enforced node blocked.
    /// </summary>
    internal static EvidenceBundle AzureLocalAudit()
    {
        var items = WithDeviceGuardStatus(SecuredCoreBundles.CompliantAzureLocalNode().Items, 1, 1);
        items.AddRange(CiTool(AuditText(), AppControlEvidenceIds.TextFormat));
        items.AddRange(Folder(
            (BaseFile, Header(AzureLocalBase, BaseFlags | AuditFlag, new Version(1, 1, 4, 0))),
            (ContosoFile, Header(ContosoPolicy, SupplementalFlags, new Version(1, 0, 0, 1)))));
        items.AddRange(Events(
        [
            Blocked(3076, "2026-10-31T11:30:00.0000000Z", 3120, new Guid("5d0b6e1a-2f3c-4e8d-9a71-000000000002"), BlockedFile, @"\Device\HarddiskVolume3\Windows\explorer.exe", null, null, null),
            Blocked(3076, "2026-10-30T11:30:00.0000000Z", 3050, new Guid("5d0b6e1a-2f3c-4e8d-9a71-000000000001"), BlockedFile, @"\Device\HarddiskVolume3\Windows\explorer.exe", null, null, null),
            [Activation("2026-10-29T08:00:00.0000000Z", 3001, AzureLocalBase, "AS_Base_Policy", "AS_Base_Policy_1.1.4.0", BaseFlags | AuditFlag)],
        ]));
        return Node(items, "NODE01");
    }

    /// <summary>
    /// An Azure Stack HCI 22H2 node (build 20349) without CiTool: CiTool is NotFound as the collector files it, the Active
    /// folder holds the base policy (then named MS_Base_Policy, version 1.0.0.0) and <c>driversipolicy.p7b</c> is signed; the
    /// log names the base policy in its activation. Win32_DeviceGuard reports 2 and 2.
    /// </summary>
    internal static EvidenceBundle WithoutCiTool()
    {
        var items = Bundles.Windows(displayVersion: "22H2", build: "20349", ubr: 2340).Items.ToList();
        items.Add(DeviceGuard(2, 2));
        var missing = WindowsAppControlCollector.CiToolMissing(CiToolPath);
        items.Add(EvidenceItem.ForError(AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text, CiToolSource, T, missing));
        items.Add(EvidenceItem.ForError(AppControlEvidenceIds.CiToolRun, EvidenceKind.Properties, CiToolSource, T, missing));
        items.AddRange(Folder(
            [(BaseFile, Header(AzureLocalBase, BaseFlags, new Version(1, 0, 0, 0)))],
            driverPolicy: Signed(Header(DriverPolicy, DriverFlags, new Version(10, 0, 25880, 0)))));
        items.AddRange(Events([[Activation("2026-10-20T04:00:00.0000000Z", 88, AzureLocalBase, "MS_Base_Policy", "MS_Base_Policy_1.0.0.0", BaseFlags)]]));
        return Node(items, "HCI22H2");
    }

    /// <summary>
    /// The five real Code Integrity events of Vectors/windows (a Windows 10 21H2 machine, DESKTOP-7E3E45C, regsvr32 loading
    /// scrobj.dll under the AaronLocker policy) as a capture made a day later files them: newest first, a 30-day window; that
    /// machine has no CiTool.
    /// </summary>
    internal static EvidenceBundle RealCodeIntegrityEvents()
    {
        var captured = new DateTimeOffset(2021, 12, 28, 9, 0, 0, TimeSpan.Zero);
        var blocks = EventVectors.CodeIntegrityEvents().Reverse().ToList();
        var items = new List<EvidenceItem>
        {
            EvidenceItem.ForText(AppControlEvidenceIds.CodeIntegrityEvents, EventSource, captured, string.Concat(blocks.Select(b => b + "\n"))),
            EventQuery(captured, 30, blocks.Count, truncated: false),
        };
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("DESKTOP-7E3E45C", NodePlatform.Windows, "Microsoft Windows 10.0.19044", "X64"), captured, "0.1.0", items);
    }

    /// <summary>
    /// The audit node of <see cref="AzureLocalAudit"/> whose log holds audit events (3076) of the blocked file only from twelve
    /// days before the capture, outside a week's lookback, and its base policy's activation.
    /// </summary>
    internal static EvidenceBundle AzureLocalAuditQuiet()
    {
        var items = AzureLocalAudit().Items.Where(i => i.Id is not (AppControlEvidenceIds.CodeIntegrityEvents or AppControlEvidenceIds.CodeIntegrityEventQuery)).ToList();
        items.AddRange(Events(
        [
            Blocked(3076, "2026-10-20T10:15:00.0000000Z", 2801, new Guid("5d0b6e1a-2f3c-4e8d-9a71-000000000011"), BlockedFile, @"\Device\HarddiskVolume3\Windows\explorer.exe", null, null, null),
            [Activation("2026-10-19T08:00:00.0000000Z", 2701, AzureLocalBase, "AS_Base_Policy", "AS_Base_Policy_1.1.4.0", BaseFlags | AuditFlag)],
        ]));
        return Node(items, "NODE01");
    }

    /// <summary>The enforced node with AS_Base_Policy signed: CiTool says so, and its deployed file is the header in a PKCS#7 shell.</summary>
    internal static EvidenceBundle AzureLocalEnforcedSigned()
    {
        var items = AzureLocalEnforced().Items
            .Where(i => i.Id is not (AppControlEvidenceIds.CiToolPolicies or AppControlEvidenceIds.CiToolRun) && i.Id != AppControlEvidenceIds.ActivePolicyFile(BaseFile))
            .ToList();
        items.AddRange(CiTool(EnforcedJson(baseSigned: true), AppControlEvidenceIds.JsonFormat));
        items.Add(EvidenceItem.ForBlob(AppControlEvidenceIds.ActivePolicyFile(BaseFile), "file " + ActiveFolder + "\\" + BaseFile, T, Signed(Header(AzureLocalBase, BaseFlags, new Version(1, 1, 4, 0)))));
        return Node(items, "NODE01");
    }

    /// <summary><paramref name="bundle"/> with the deployed file of <paramref name="policyId"/> holding <paramref name="bytes"/> instead.</summary>
    internal static EvidenceBundle WithPolicyFile(EvidenceBundle bundle, Guid policyId, byte[] bytes)
    {
        var name = policyId.ToString("B").ToUpperInvariant() + ".cip";
        var id = AppControlEvidenceIds.ActivePolicyFile(name);
        var items = bundle.Items.Select(i => i.Id == id ? EvidenceItem.ForBlob(id, i.Source, i.CapturedAt, bytes) : i).ToList();
        return new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, items);
    }

    /// <summary><paramref name="bundle"/> without the items of <paramref name="ids"/> (as a capture without them would be).</summary>
    internal static EvidenceBundle Without(EvidenceBundle bundle, params string[] ids) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Where(i => !ids.Contains(i.Id)));

    /// <summary>The deployed file of a policy in a bundle.</summary>
    internal static byte[] PolicyFile(EvidenceBundle bundle, Guid policyId) =>
        bundle.Find(AppControlEvidenceIds.ActivePolicyFile(policyId.ToString("B").ToUpperInvariant() + ".cip"))!.GetData()!;

    /// <summary>The enforced node whose event capture reached its limit: the query record says Truncated.</summary>
    internal static EvidenceBundle AzureLocalEnforcedTruncated()
    {
        var items = AzureLocalEnforced().Items.Where(i => i.Id != AppControlEvidenceIds.CodeIntegrityEventQuery).ToList();
        items.Add(EventQuery(T, 30, 5, truncated: true));
        return Node(items, "NODE01");
    }

    /// <summary>The Secured-core Linux host: no App Control item at all.</summary>
    internal static EvidenceBundle LinuxHost() => SecuredCoreBundles.LinuxHost();

    /// <summary>
    /// A compiled policy header (FORMATS.md §3) and four bytes of body: FormatVersion, the policy id at 4 (the
    /// multiple-policy format's), the Windows platform id at 0x14, OptionFlags at 0x24, no EKUs, rules, signers or scenarios,
    /// VersionEx at 0x38 (revision, build, minor, major) and the header length 0x40 at 0x40.
    /// </summary>
    internal static byte[] Header(Guid policyId, uint optionFlags, Version version, uint formatVersion = 8)
    {
        var bytes = new byte[0x48];
        BitConverter.GetBytes(formatVersion).CopyTo(bytes, 0);
        policyId.ToByteArray().CopyTo(bytes, 0x04);
        WindowsPlatform.ToByteArray().CopyTo(bytes, 0x14);
        BitConverter.GetBytes(optionFlags).CopyTo(bytes, 0x24);
        BitConverter.GetBytes((ushort)version.Revision).CopyTo(bytes, 0x38);
        BitConverter.GetBytes((ushort)version.Build).CopyTo(bytes, 0x3A);
        BitConverter.GetBytes((ushort)version.Minor).CopyTo(bytes, 0x3C);
        BitConverter.GetBytes((ushort)version.Major).CopyTo(bytes, 0x3E);
        BitConverter.GetBytes(0x40u).CopyTo(bytes, 0x40);
        return bytes;
    }

    /// <summary>
    /// <paramref name="policy"/> as the encapsulated content of a PKCS#7 SignedData (RFC 5652): version 1, no digest
    /// algorithm, eContentType 1.3.6.1.4.1.311.79.1 (made here), the policy in an OCTET STRING, no signer. A shell, not a
    /// signature.
    /// </summary>
    internal static byte[] Signed(byte[] policy)
    {
        byte[] signedDataOid = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
        byte[] contentOid = [0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x4F, 0x01, 0x01];
        var encapsulated = Der(0x30, contentOid, Der(0xA0, Der(0x04, policy)));
        var signedData = Der(0x30, [0x02, 0x01, 0x01], Der(0x31), encapsulated, Der(0x31));
        return Der(0x30, signedDataOid, Der(0xA0, signedData));
    }

    /// <summary>A DER element of <paramref name="tag"/> around the concatenated parts (definite lengths).</summary>
    internal static byte[] Der(byte tag, params byte[][] parts)
    {
        var content = parts.SelectMany(p => p).ToArray();
        var length = content.Length < 0x80 ? [(byte)content.Length]
            : content.Length < 0x100 ? [0x81, (byte)content.Length]
            : new byte[] { 0x82, (byte)(content.Length >> 8), (byte)content.Length };
        return [tag, .. length, .. content];
    }

    /// <summary>The bundle's items with Win32_DeviceGuard's two code integrity statuses set to these values.</summary>
    internal static List<EvidenceItem> WithDeviceGuardStatus(IEnumerable<EvidenceItem> items, ulong kernel, ulong user) =>
        items.Select(i => i.Id != SecuredCoreEvidenceIds.DeviceGuard ? i : EvidenceItem.ForRecords(i.Id, i.Source, i.CapturedAt,
        [
            new EvidenceRecord(i.Records![0].Properties.Select(p => p.Key switch
            {
                "CodeIntegrityPolicyEnforcementStatus" => new KeyValuePair<string, EvidenceValue>(p.Key, EvidenceValue.FromUInt64(kernel)),
                "UsermodeCodeIntegrityPolicyEnforcementStatus" => new KeyValuePair<string, EvidenceValue>(p.Key, EvidenceValue.FromUInt64(user)),
                _ => p,
            })),
        ])).ToList();

    /// <summary>One Code Integrity event in the shape EventRecord.ToXml() renders (one line, single quotes).</summary>
    internal static string CiEvent(int id, int version, string time, long recordId, Guid? activity, params (string Name, string Value)[] data)
    {
        var correlation = activity is { } a ? $"<Correlation ActivityID='{a:B}'/>" : "<Correlation/>";
        var fields = string.Concat(data.Select(d => $"<Data Name='{SecurityElement.Escape(d.Name)}'>{SecurityElement.Escape(d.Value)}</Data>"));
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            + "<Provider Name='Microsoft-Windows-CodeIntegrity' Guid='{4ee76bd8-3cf4-44a0-a0ac-3937643e37a3}'/>"
            + $"<EventID>{id.ToString(CultureInfo.InvariantCulture)}</EventID><Version>{version.ToString(CultureInfo.InvariantCulture)}</Version>"
            + $"<Level>{(id is 3077 or 3033 ? 2 : id == 3076 ? 3 : 4).ToString(CultureInfo.InvariantCulture)}</Level><Task>18</Task><Opcode>111</Opcode><Keywords>0x8000000000000000</Keywords>"
            + $"<TimeCreated SystemTime='{time}'/><EventRecordID>{recordId.ToString(CultureInfo.InvariantCulture)}</EventRecordID>{correlation}"
            + "<Execution ProcessID='4' ThreadID='212'/><Channel>Microsoft-Windows-CodeIntegrity/Operational</Channel><Computer>NODE01.contoso.example</Computer>"
            + $"<Security UserID='S-1-5-18'/></System><EventData>{fields}</EventData></Event>";
    }

    private const string BaseFile = "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip";
    private const string ContosoFile = "{2112036A-74E9-47DC-A016-F126297A3427}.cip";
    private const string EventSource = "Microsoft-Windows-CodeIntegrity/Operational log (EventLogReader)";

    private static string CiToolSource => CiToolPath + " --list-policies --json";

    private static EvidenceBundle Node(IEnumerable<EvidenceItem> items, string name) =>
        new(EvidenceSchema.CurrentVersion, new NodeIdentity(name, NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), T, "0.1.0", items);

    private static EvidenceItem DeviceGuard(ulong kernel, ulong user)
    {
        var spec = WindowsSecuredCoreCimReader.DeviceGuard;
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(
                ("VirtualizationBasedSecurityStatus", EvidenceValue.FromUInt64(2)),
                ("SecurityServicesConfigured", EvidenceValue.FromUInt64Array([1, 2])),
                ("SecurityServicesRunning", EvidenceValue.FromUInt64Array([1, 2])),
                ("CodeIntegrityPolicyEnforcementStatus", EvidenceValue.FromUInt64(kernel)),
                ("UsermodeCodeIntegrityPolicyEnforcementStatus", EvidenceValue.FromUInt64(user)),
                ("Version", EvidenceValue.FromString("1.0"))),
        ]);
    }

    private static string EnforcedJson(bool baseSigned = false)
    {
        string Policy(Guid id, Guid basePolicy, string name, ulong version, string versionText, bool system, bool signed, bool onDisk, IEnumerable<string> options) =>
            "{" + $"\"PolicyID\":\"{id:D}\",\"BasePolicyID\":\"{basePolicy:D}\",\"FriendlyName\":\"{name}\",\"Version\":{version.ToString(CultureInfo.InvariantCulture)},"
            + $"\"VersionString\":\"{versionText}\",\"IsSystemPolicy\":{Json(system)},\"IsSignedPolicy\":{Json(signed)},\"IsOnDisk\":{Json(onDisk)},"
            + $"\"IsEnforced\":true,\"IsAuthorized\":true,\"PolicyOptions\":[{string.Join(",", options.Select(o => "\"" + o + "\""))}]" + "}";
        return "{\"Policies\":["
            + Policy(DriverPolicy, DriverPolicy, "Microsoft Windows Driver Policy", 2814751463178240, "10.0.25880.0", true, true, false, ["Required:WHQL"]) + ","
            + Policy(AzureLocalBase, AzureLocalBase, "AS_Base_Policy", 281479271940096, "1.1.4.0", false, baseSigned, true, BaseOptions) + ","
            + Policy(ContosoPolicy, AzureLocalBase, "Contoso-Policy", 281474976710657, "1.0.0.1", false, false, true, ["Enabled:UMCI", "Enabled:Unsigned System Integrity Policy"])
            + "],\"OperationResult\":0}";

        static string Json(bool value) => value ? "true" : "false";
    }

    /// <summary>The text form as the real lab outputs print it (a "Policy:" line, indented facts, no "Policy is Signed").</summary>
    private static string AuditText()
    {
        static string Policy(Guid id, Guid basePolicy, string name, ulong version, bool platform, bool onDisk) =>
            "Policy:\r\n"
            + $"    Policy ID: {id:D}\r\n    Base Policy ID: {basePolicy:D}\r\n    Friendly Name: {name}\r\n"
            + $"    Version: {version.ToString(CultureInfo.InvariantCulture)}\r\n    Platform Policy: {(platform ? "true" : "false")}\r\n"
            + $"    Has File on Disk: {(onDisk ? "true" : "false")}\r\n    Is Currently Enforced: true\r\n    Is Authorized: true\r\n    Status: 0\r\n\r\n";
        return Policy(DriverPolicy, DriverPolicy, "Microsoft Windows Driver Policy", 2814751463178240, true, false)
            + Policy(AzureLocalBase, AzureLocalBase, "AS_Base_Policy", 281479271940096, false, true)
            + Policy(ContosoPolicy, AzureLocalBase, "Contoso-Policy", 281474976710657, false, true);
    }

    private static IEnumerable<EvidenceItem> CiTool(string output, string format)
    {
        var arguments = format == AppControlEvidenceIds.JsonFormat ? new[] { "--list-policies", "--json" } : ["--list-policies"];
        var source = CiToolPath + " " + string.Join(" ", arguments);
        yield return EvidenceItem.ForText(AppControlEvidenceIds.CiToolPolicies, source, T, output);
        var properties = new List<(string, EvidenceValue)>
        {
            ("Path", EvidenceValue.FromString(CiToolPath)),
            ("Arguments", EvidenceValue.FromMultiString(arguments)),
            (AppControlEvidenceIds.FormatProperty, EvidenceValue.FromString(format)),
            (AppControlEvidenceIds.ExitCodeProperty, EvidenceValue.FromInt64(0)),
            ("StandardError", EvidenceValue.FromString(string.Empty)),
            ("Encoding", EvidenceValue.FromString("utf-8")),
            ("TimedOut", EvidenceValue.FromBoolean(false)),
        };
        if (format == AppControlEvidenceIds.TextFormat)
        {
            // A CiTool that answered --json with its help text (exit code 1), so the text form was read.
            properties.Add(("JsonExitCode", EvidenceValue.FromInt64(1)));
        }

        yield return EvidenceItem.ForRecords(AppControlEvidenceIds.CiToolRun, source, T, [Bundles.Record([.. properties])]);
    }

    private static IEnumerable<EvidenceItem> Folder(params (string Name, byte[] Bytes)[] files) => Folder(files, null);

    private static IEnumerable<EvidenceItem> Folder((string Name, byte[] Bytes)[] files, byte[]? driverPolicy)
    {
        yield return EvidenceItem.ForRecords(AppControlEvidenceIds.ActivePoliciesFolder, "folder " + ActiveFolder, T, files.Select(f => Bundles.Record(
            ("Name", EvidenceValue.FromString(f.Name)),
            ("Length", EvidenceValue.FromUInt64((ulong)f.Bytes.Length)),
            ("LastWriteTime", EvidenceValue.FromDateTime(new DateTime(2026, 10, 28, 6, 11, 0, DateTimeKind.Utc))))));
        foreach (var (name, bytes) in files)
        {
            yield return EvidenceItem.ForBlob(AppControlEvidenceIds.ActivePolicyFile(name), "file " + ActiveFolder + "\\" + name, T, bytes);
        }

        var siPolicy = System32 + @"\CodeIntegrity\SiPolicy.p7b";
        yield return EvidenceItem.ForError(AppControlEvidenceIds.SiPolicyFile, EvidenceKind.Blob, "file " + siPolicy, T, new EvidenceError(EvidenceErrorCategory.NotFound, siPolicy + " does not exist."));
        var driver = System32 + @"\CodeIntegrity\driversipolicy.p7b";
        yield return driverPolicy is null
            ? EvidenceItem.ForError(AppControlEvidenceIds.DriverPolicyFile, EvidenceKind.Blob, "file " + driver, T, new EvidenceError(EvidenceErrorCategory.NotFound, driver + " does not exist."))
            : EvidenceItem.ForBlob(AppControlEvidenceIds.DriverPolicyFile, "file " + driver, T, driverPolicy);
    }

    /// <summary>The events item (each group's events in log order, the groups newest first, as ReverseDirection reads them) and its query record.</summary>
    private static IEnumerable<EvidenceItem> Events(IEnumerable<string[]> groups)
    {
        var text = new StringBuilder();
        var count = 0;
        foreach (var group in groups)
        {
            foreach (var e in group.Reverse())
            {
                text.Append(e).Append('\n');
                count++;
            }
        }

        yield return EvidenceItem.ForText(AppControlEvidenceIds.CodeIntegrityEvents, EventSource, T, text.ToString());
        yield return EventQuery(T, 30, count, truncated: false);
    }

    private static EvidenceItem EventQuery(DateTimeOffset captured, int days, int count, bool truncated) =>
        EvidenceItem.ForRecords(AppControlEvidenceIds.CodeIntegrityEventQuery, EventSource, captured,
        [
            Bundles.Record(
                ("Query", EvidenceValue.FromString(WindowsAppControlCollector.Query(days))),
                ("Days", EvidenceValue.FromUInt64((ulong)days)),
                ("MaxRecords", EvidenceValue.FromUInt64(2000)),
                ("Count", EvidenceValue.FromUInt64((ulong)count)),
                ("Truncated", EvidenceValue.FromBoolean(truncated))),
        ]);

    /// <summary>A block (3077) or audit (3076) event and its 3089, in log order; an unsigned file when no publisher is given.</summary>
    private static string[] Blocked(int id, string time, long recordId, Guid activity, string file, string process, string? product, string? publisher, string? issuer)
    {
        var leaf = file.Substring(file.LastIndexOf('\\') + 1);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(file)));
        var block = CiEvent(id, 5, time, recordId, activity,
            ("FileNameLength", file.Length.ToString(CultureInfo.InvariantCulture)),
            ("File Name", file),
            ("ProcessNameLength", process.Length.ToString(CultureInfo.InvariantCulture)),
            ("Process Name", process),
            ("Requested Signing Level", "2"),
            ("Validated Signing Level", publisher is null ? "1" : "4"),
            ("Status", "0xc0e90002"),
            ("SHA256 Hash", hash),
            ("SI Signing Scenario", "1"),
            ("PolicyName", "AS_Base_Policy"),
            ("PolicyID", "AS_Base_Policy_1.1.4.0"),
            ("PolicyGUID", AzureLocalBase.ToString("B")),
            ("OriginalFileName", leaf),
            ("ProductName", product ?? string.Empty),
            ("UserWriteable", "true"));
        var signature = publisher is null
            ? CiEvent(3089, 2, time, recordId + 1, activity, ("TotalSignatureCount", "0"), ("Signature", "0"), ("SignatureType", "0"), ("ValidatedSigningLevel", "1"), ("VerificationError", "3"))
            : CiEvent(3089, 2, time, recordId + 1, activity, ("TotalSignatureCount", "1"), ("Signature", "0"), ("SignatureType", "1"), ("ValidatedSigningLevel", "4"), ("VerificationError", "21"),
                ("PublisherName", publisher), ("IssuerName", issuer ?? string.Empty));
        return [block, signature];
    }

    private static string Activation(string time, long recordId, Guid policy, string name, string idText, uint options) =>
        CiEvent(3099, 1, time, recordId, null,
            ("PolicyNameLength", name.Length.ToString(CultureInfo.InvariantCulture)),
            ("PolicyNameBuffer", name),
            ("PolicyIdLength", idText.Length.ToString(CultureInfo.InvariantCulture)),
            ("PolicyIdBuffer", idText),
            ("PolicyGUID", policy.ToString("B")),
            ("Status", "0x0"),
            ("Options", "0x" + options.ToString("x8", CultureInfo.InvariantCulture)));
}
