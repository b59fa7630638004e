using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;
using static AzureLocalSecurity.SecureBoot.MicrosoftSecureBootCertificates;

namespace AzureLocalSecurity.SecureBoot.Rollover;

/// <summary>
/// The 2026 Secure Boot certificate rollover, judged from a bundle (AZURE-LOCAL.md §5; KB5062710, KB5068202, KB5025885):
/// the stage, then one result per requirement in the terms Microsoft uses, each with the next step to take. Pure: the
/// date certificates are judged against is a parameter.
/// </summary>
public static partial class SecureBootCertificateAnalyzer
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "SecureBoot";

    /// <summary>The rollover stage: 2, booting the boot manager the Windows UEFI CA 2023 signs.</summary>
    public const string StageId = "ALSEC-SB-001";

    /// <summary>KEK holds the Microsoft Corporation KEK 2K CA 2023.</summary>
    public const string KekId = "ALSEC-SB-002";

    /// <summary>db holds the Windows UEFI CA 2023.</summary>
    public const string WindowsCaId = "ALSEC-SB-003";

    /// <summary>db holds the Microsoft UEFI CA 2023 where the 2011 UEFI CA is trusted.</summary>
    public const string UefiCaId = "ALSEC-SB-004";

    /// <summary>db holds the Microsoft Option ROM UEFI CA 2023 where the 2011 UEFI CA is trusted.</summary>
    public const string OptionRomCaId = "ALSEC-SB-005";

    /// <summary>The boot manager on the EFI system partition is signed under the Windows UEFI CA 2023.</summary>
    public const string BootManagerId = "ALSEC-SB-006";

    /// <summary>dbx revokes the Microsoft Windows Production PCA 2011 (BlackLotus, CVE-2023-24932).</summary>
    public const string PcaRevokedId = "ALSEC-SB-007";

    /// <summary>dbx carries the latest Windows boot manager SVN Microsoft has published.</summary>
    public const string SvnId = "ALSEC-SB-008";

    /// <summary>Windows' servicing of the 2023 certificates finished without error.</summary>
    public const string ServicingId = "ALSEC-SB-009";

    /// <summary>Windows' Secure Boot servicing events say the CA and keys are updated, with no failure since.</summary>
    public const string EventsId = "ALSEC-SB-010";

    /// <summary>Each certificate in PK, KEK and db is within its validity, or expired with its replacement present.</summary>
    public const string ExpiryId = "ALSEC-SB-011";

    /// <summary>AvailableUpdates bits (KB5025885, KB5068202).</summary>
    internal const uint DbxBit = 0x0002, KekBit = 0x0004, WindowsCaBit = 0x0040, PcaRevocationBit = 0x0080, BootManagerBit = 0x0100, SvnBit = 0x0200, OptionRomBit = 0x0800, UefiCaBit = 0x1000;

    private const string AzureLocalOrchestration =
        "On Azure Local 2603 and later the update is orchestrated across the cluster through Cluster-Aware Updating; on earlier releases, or for a single node, set HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot AvailableUpdates to 0x5944 and let the Secure-Boot-Update task (\\Microsoft\\Windows\\PI\\Secure-Boot-Update) apply it, restarting when it asks (KB5068202).";

    private static readonly string[] RolloverReferences =
    [
        "https://support.microsoft.com/help/5062710",
        "https://support.microsoft.com/help/5068202",
        "https://learn.microsoft.com/azure/azure-local/manage/manage-secure-boot-updates",
    ];

    private static readonly string[] BlackLotusReferences =
    [
        "https://support.microsoft.com/help/5025885",
        "https://msrc.microsoft.com/update-guide/vulnerability/CVE-2023-24932",
    ];

    private static readonly string[] EventReferences = ["https://support.microsoft.com/help/5016061"];

    /// <summary>Judges the node a bundle describes; certificates' expiry is judged against <paramref name="asOf"/> (taken as UTC).</summary>
    public static SecureBootCertificateSummary Evaluate(EvidenceBundle bundle, DateTime asOf)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var when = asOf.Kind == DateTimeKind.Local ? asOf.ToUniversalTime() : DateTime.SpecifyKind(asOf, DateTimeKind.Utc);
        var facts = RolloverFacts.Read(bundle);
        var (stage, stageDescription) = Stage(facts);
        if (facts.State.FirmwareType == FirmwareType.Bios)
        {
            const string Reason = "The node boots through legacy BIOS: it has no Secure Boot databases, so the certificate rollover does not apply. Secure Boot needs UEFI (Test-ALPlatform, ALSEC-PLAT-001).";
            var notApplicable = Checks().Select(c => new SecurityCheckResult(c.Id, c.Title, Area, CheckStatus.NotApplicable, c.Severity, null, null, null, Reason, null, RolloverReferences, facts.Node)).ToList();
            return new SecureBootCertificateSummary(facts.Node, null, Reason, when, notApplicable, null);
        }

        var results = new List<SecurityCheckResult>
        {
            CheckStage(facts, stage, stageDescription),
            CheckKek(facts),
            CheckDbCertificate(facts, WindowsCaId, WindowsUefiCa2023, WindowsCaBit, Severity.High, onlyWhereUefiCa2011: false),
            CheckDbCertificate(facts, UefiCaId, UefiCa2023, UefiCaBit, Severity.Medium, onlyWhereUefiCa2011: true),
            CheckDbCertificate(facts, OptionRomCaId, OptionRomUefiCa2023, OptionRomBit, Severity.Medium, onlyWhereUefiCa2011: true),
            CheckBootManager(facts),
            CheckPcaRevoked(facts, stage),
            CheckSvn(facts, stage),
            CheckServicing(facts),
        };
        results.AddRange(CheckEvents(bundle));
        results.AddRange(CheckExpiry(facts, when));
        return new SecureBootCertificateSummary(facts.Node, stage, stageDescription, when, results, NextStep(results));
    }

    /// <summary>The ids, titles and severities of the checks, in the order they are reported.</summary>
    private static IEnumerable<(string Id, string Title, Severity Severity)> Checks() =>
    [
        (StageId, StageTitle, Severity.High),
        (KekId, KekTitle, Severity.High),
        (WindowsCaId, DbTitle(WindowsUefiCa2023, onlyWhereUefiCa2011: false), Severity.High),
        (UefiCaId, DbTitle(UefiCa2023, onlyWhereUefiCa2011: true), Severity.Medium),
        (OptionRomCaId, DbTitle(OptionRomUefiCa2023, onlyWhereUefiCa2011: true), Severity.Medium),
        (BootManagerId, BootManagerTitle, Severity.High),
        (PcaRevokedId, PcaRevokedTitle, Severity.Medium),
        (SvnId, SvnTitle, Severity.Medium),
        (ServicingId, ServicingTitle, Severity.Medium),
        (EventsId, EventsTitle, Severity.Medium),
        (ExpiryId, "Certificates in PK, KEK and db are valid or replaced", Severity.High),
    ];

    private const string StageTitle = "Rollover stage 2: the node boots the boot manager signed by the Windows UEFI CA 2023";
    private const string KekTitle = "KEK holds the Microsoft Corporation KEK 2K CA 2023";
    private const string BootManagerTitle = "The Windows boot manager on the EFI system partition is signed by the Windows UEFI CA 2023";
    private const string PcaRevokedTitle = "dbx revokes the Microsoft Windows Production PCA 2011 (BlackLotus, CVE-2023-24932)";
    private const string SvnTitle = "dbx carries the latest Windows boot manager SVN";
    private const string ServicingTitle = "Windows finished servicing the 2023 certificates without error";
    private const string EventsTitle = "Windows' Secure Boot servicing events report the CA and keys updated, with no failure since";

    private static string DbTitle(string name, bool onlyWhereUefiCa2011) =>
        onlyWhereUefiCa2011 ? $"db holds the {name} (where the 2011 UEFI CA is trusted)" : $"db holds the {name}";

    private static string Hex(uint bit) => "0x" + bit.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>The stage, and in words what it stands on.</summary>
    private static (int? Stage, string Description) Stage(RolloverFacts facts)
    {
        var inDb = facts.Db.Holds(WindowsUefiCa2023);
        var signed2023 = facts.BootManager.SignedBy(WindowsUefiCa2023);
        var capable = facts.Servicing.WindowsUefiCa2023Capable;
        switch (inDb)
        {
            case false:
                return (0, "Stage 0: db does not hold the Windows UEFI CA 2023" + Disagreement(capable, 0) + ".");
            case null when capable is 0 or 1 or 2:
                return ((int)capable.Value, $"Stage {capable}: as Windows reports it (WindowsUEFICA2023Capable = {capable}); db itself could not be read ({facts.Db.Unknown}).");
            case null:
                return (null, "The stage could not be told: db could not be read (" + facts.Db.Unknown + ") and Windows reports no WindowsUEFICA2023Capable.");
        }

        if (signed2023 == true)
        {
            return (2, "Stage 2: db holds the Windows UEFI CA 2023 and the boot manager on the EFI system partition is signed by it" + Disagreement(capable, 2) + ".");
        }

        if (signed2023 == false)
        {
            return (1, "Stage 1: db holds the Windows UEFI CA 2023, but the boot manager on the EFI system partition is " + facts.BootManager.Describe() + Disagreement(capable, 1) + ".");
        }

        return capable == 2
            ? (2, "Stage 2: db holds the Windows UEFI CA 2023 and Windows reports booting the boot manager it signs (WindowsUEFICA2023Capable = 2); the boot manager file itself could not be read.")
            : (1, "Stage 1 at least: db holds the Windows UEFI CA 2023; whether the node boots the boot manager it signs could not be told (" + facts.BootManager.Unknown + ").");
    }

    private static string Disagreement(uint? capable, int stage) =>
        capable is { } value && value != stage
            ? string.Format(CultureInfo.InvariantCulture, " (Windows reports WindowsUEFICA2023Capable = {0}; the firmware's db and the boot file were read directly and win)", value)
            : string.Empty;

    private static SecurityCheckResult CheckStage(RolloverFacts facts, int? stage, string description)
    {
        var source = Sources(facts.Db.Source, facts.BootManager.Source, facts.Servicing.Sources.TryGetValue("WindowsUefiCa2023Capable", out var s) ? s : null);
        var note = facts.State.SecureBootEnabled == false
            ? " Secure Boot is off on this node: the databases are not enforced until it is turned on."
            : string.Empty;
        return stage switch
        {
            2 => Result(facts, StageId, StageTitle, CheckStatus.Compliant, Severity.High, "Stage 2", description, source, note.Length > 0 ? note.Trim() : null, null, RolloverReferences),
            0 => Result(facts, StageId, StageTitle, CheckStatus.NonCompliant, Severity.High, "Stage 2", description, source, ("Without the 2023 certificates the node can no longer receive boot manager, db or dbx updates once the 2011 CAs have expired (June and October 2026)." + note).Trim(),
                "Add the 2023 certificates to KEK and db, then install the 2023-signed boot manager. " + AzureLocalOrchestration, RolloverReferences),
            1 when facts.BootManager.SignedBy(WindowsUefiCa2023) is null && facts.Servicing.WindowsUefiCa2023Capable != 1 =>
                Result(facts, StageId, StageTitle, CheckStatus.Unknown, Severity.High, "Stage 2", description, source, ("Stage 2 could not be confirmed: " + facts.BootManager.Unknown + note).Trim(), null, RolloverReferences),
            1 => Result(facts, StageId, StageTitle, CheckStatus.NonCompliant, Severity.High, "Stage 2", description, source, note.Length > 0 ? note.Trim() : null,
                "Install the boot manager signed by the Windows UEFI CA 2023 (AvailableUpdates " + Hex(BootManagerBit) + ") and restart. " + AzureLocalOrchestration, RolloverReferences),
            _ => Result(facts, StageId, StageTitle, CheckStatus.Unknown, Severity.High, "Stage 2", null, source, description, null, RolloverReferences),
        };
    }

    private static SecurityCheckResult CheckKek(RolloverFacts facts)
    {
        var kek = facts.KeyExchangeKey;
        var held = kek.Holds(KekCa2023);
        if (held is null)
        {
            return Result(facts, KekId, KekTitle, CheckStatus.Unknown, Severity.High, KekCa2023, null, kek.Source, kek.Unknown!, null, RolloverReferences);
        }

        var actual = Certificates(kek);
        if (held == true)
        {
            return Result(facts, KekId, KekTitle, CheckStatus.Compliant, Severity.High, KekCa2023, actual, kek.Source, null, null, RolloverReferences);
        }

        var remedy = "Add the KEK 2K CA 2023 (AvailableUpdates " + Hex(KekBit) + "). A KEK update must be signed by the owner of the platform key: Windows carries KEKs signed by the PKs of many OEMs, and logs event 1803 when it has none for this one; then the OEM's firmware update or its PK-signed KEK is needed. " + AzureLocalOrchestration;
        return Result(facts, KekId, KekTitle, CheckStatus.NonCompliant, Severity.High, KekCa2023, actual, kek.Source,
            Join("Without it no db or dbx update signed after the KEK CA 2011 expired (24 June 2026) can be applied.", QueuedNote(facts, KekBit), kek.Absent ? "The firmware has no KEK at all (setup mode)." : null), remedy, RolloverReferences);
    }

    private static SecurityCheckResult CheckDbCertificate(RolloverFacts facts, string id, string name, uint bit, Severity severity, bool onlyWhereUefiCa2011)
    {
        var title = DbTitle(name, onlyWhereUefiCa2011);
        var db = facts.Db;
        var held = db.Holds(name);
        if (held is null)
        {
            return Result(facts, id, title, CheckStatus.Unknown, severity, name, null, db.Source, db.Unknown!, null, RolloverReferences);
        }

        var actual = Certificates(db);
        if (held == true)
        {
            return Result(facts, id, title, CheckStatus.Compliant, severity, name, actual, db.Source, null, null, RolloverReferences);
        }

        if (onlyWhereUefiCa2011 && db.Holds(UefiCa2011) == false)
        {
            return Result(facts, id, title, CheckStatus.NotApplicable, severity, name, actual, db.Source,
                "db does not trust the Microsoft Corporation UEFI CA 2011, so its 2023 successor is not needed: Windows adds it only where the 2011 CA is present (AvailableUpdates 0x4000).", null, RolloverReferences);
        }

        var why = name switch
        {
            WindowsUefiCa2023 => "Windows boot managers signed after the Windows Production PCA 2011 expired (19 October 2026) are signed by this CA only.",
            UefiCa2023 => "Third-party boot loaders and drivers (Linux shim, some recovery tools) signed after the UEFI CA 2011 expired (27 June 2026) are signed by this CA.",
            _ => "Option ROMs (network, storage and GPU firmware drivers) signed after the UEFI CA 2011 expired (27 June 2026) are signed by this CA; a node that trusts the 2011 CA for its option ROMs needs it to keep trusting new ones.",
        };
        return Result(facts, id, title, CheckStatus.NonCompliant, severity, name, actual, db.Source, Join(why, QueuedNote(facts, bit)),
            $"Add the {name} to db (AvailableUpdates {Hex(bit)}). " + AzureLocalOrchestration, RolloverReferences);
    }

    private static SecurityCheckResult CheckBootManager(RolloverFacts facts)
    {
        const string Expected = "Signed under " + WindowsUefiCa2023;
        var file = facts.BootManager;
        var capable = facts.Servicing.WindowsUefiCa2023Capable;
        var capableSource = facts.Servicing.Sources.TryGetValue("WindowsUefiCa2023Capable", out var s) ? s : null;
        var fallback = facts.FallbackLoader.Signature is not null ? $" The fallback loader {SecureBootEvidenceIds.FallbackBootLoaderPath} is {facts.FallbackLoader.Describe()}." : string.Empty;
        var signed = file.SignedBy(WindowsUefiCa2023);
        var actual = file.Signature is not null ? $"{SecureBootEvidenceIds.WindowsBootManagerPath} {file.Describe()}.{fallback}" : null;
        var byName = file.Signature?.Signatures.Any(x => x.ChainsToByIssuerName) == true
            ? "The chain was matched by the issuer's name; signatures and the image hash are not verified here (the firmware does that at boot)."
            : null;

        // A revoked PCA 2011 and a boot manager that only it signs: the next boot fails.
        if (file.SignedBy(WindowsProductionPca2011) == true && signed == false && Revokes(facts.Dbx, WindowsProductionPca2011) == true)
        {
            return Result(facts, BootManagerId, BootManagerTitle, CheckStatus.NonCompliant, Severity.Critical, Expected, actual, file.Source,
                "dbx revokes the Windows Production PCA 2011 and this boot manager is signed only under it: the firmware will refuse it at the next boot.",
                "Before restarting, install the 2023-signed boot manager (AvailableUpdates " + Hex(BootManagerBit) + "), or boot recovery media signed by the Windows UEFI CA 2023.", BlackLotusReferences);
        }

        if (signed == true)
        {
            return Result(facts, BootManagerId, BootManagerTitle, CheckStatus.Compliant, Severity.High, Expected, actual, file.Source, byName, null, RolloverReferences);
        }

        if (signed == false)
        {
            return Result(facts, BootManagerId, BootManagerTitle, CheckStatus.NonCompliant, Severity.High, Expected, actual, file.Source,
                Join(byName, QueuedNote(facts, BootManagerBit), facts.Db.Holds(WindowsUefiCa2023) == false ? "db does not trust the Windows UEFI CA 2023 yet: it must be added first." : null),
                "Once db holds the Windows UEFI CA 2023, install the boot manager it signs (AvailableUpdates " + Hex(BootManagerBit) + ") and restart. " + AzureLocalOrchestration, RolloverReferences);
        }

        // The file could not be read: Windows' own account is the next best fact.
        return capable switch
        {
            2 => Result(facts, BootManagerId, BootManagerTitle, CheckStatus.Compliant, Severity.High, Expected, "Windows reports booting the 2023-signed boot manager (WindowsUEFICA2023Capable = 2)", capableSource,
                "The boot manager file could not be read: " + file.Unknown, null, RolloverReferences),
            0 or 1 => Result(facts, BootManagerId, BootManagerTitle, CheckStatus.NonCompliant, Severity.High, Expected, $"Windows reports WindowsUEFICA2023Capable = {capable}: not booting the 2023-signed boot manager", capableSource,
                "The boot manager file could not be read: " + file.Unknown,
                "Once db holds the Windows UEFI CA 2023, install the boot manager it signs (AvailableUpdates " + Hex(BootManagerBit) + ") and restart. " + AzureLocalOrchestration, RolloverReferences),
            _ => Result(facts, BootManagerId, BootManagerTitle, CheckStatus.Unknown, Severity.High, Expected, null, file.Source,
                Join(file.Unknown, "Windows reports no WindowsUEFICA2023Capable either.")!, null, RolloverReferences),
        };
    }

    private static SecurityCheckResult CheckPcaRevoked(RolloverFacts facts, int? stage)
    {
        const string Expected = "dbx holds the " + WindowsProductionPca2011 + " certificate";
        var dbx = facts.Dbx;
        var revoked = Revokes(dbx, WindowsProductionPca2011);
        if (revoked is null)
        {
            return Result(facts, PcaRevokedId, PcaRevokedTitle, CheckStatus.Unknown, Severity.Medium, Expected, null, dbx.Source, dbx.Unknown!, null, BlackLotusReferences);
        }

        if (revoked == true)
        {
            return Result(facts, PcaRevokedId, PcaRevokedTitle, CheckStatus.Compliant, Severity.Medium, Expected, "revoked", dbx.Source, null, null, BlackLotusReferences);
        }

        var actual = dbx.Absent ? "no dbx" : "not revoked";
        var remedy = stage == 2
            ? "Update every boot media first (installation ISOs, PXE/WDS images, recovery media) to the 2023-signed boot manager, then revoke the PCA 2011 (AvailableUpdates " + Hex(PcaRevocationBit) + ") and restart. The revocation cannot be undone while Secure Boot is on. Azure Local defers this step: apply it when its release notes say so."
            : "Reach stage 2 first: revoking the PCA 2011 while the node boots a boot manager signed under it stops the node from booting. Then update every boot media and revoke it (AvailableUpdates " + Hex(PcaRevocationBit) + "); this cannot be undone while Secure Boot is on.";
        return Result(facts, PcaRevokedId, PcaRevokedTitle, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, dbx.Source,
            Join("Until it is revoked, a boot manager vulnerable to BlackLotus (CVE-2023-24932) and signed under the 2011 CA still boots.", QueuedNote(facts, PcaRevocationBit)), remedy, BlackLotusReferences);
    }

    private static SecurityCheckResult CheckSvn(RolloverFacts facts, int? stage)
    {
        var latest = DbxKnowledge.LatestSvn(WindowsSvnData.BootManager);
        var expected = latest is null ? "a Windows boot manager SVN entry" : "boot manager SVN " + latest.Svn.Version.ToString(2) + " or later";
        var dbx = facts.Dbx;
        if (dbx.Entries is null)
        {
            return Result(facts, SvnId, SvnTitle, CheckStatus.Unknown, Severity.Medium, expected, null, dbx.Source, dbx.Unknown!, null, BlackLotusReferences);
        }

        var applied = dbx.Entries.Where(e => e.Svn is { } svn && svn.Application == WindowsSvnData.BootManager).Select(e => e.Svn!.Version).DefaultIfEmpty().Max();
        var actual = applied is null ? "no boot manager SVN in dbx" : "boot manager SVN " + applied.ToString(2);
        if (latest is null)
        {
            return Result(facts, SvnId, SvnTitle, CheckStatus.Unknown, Severity.Medium, expected, actual, dbx.Source, "The shipped dbx list names no boot manager SVN to compare against.", null, BlackLotusReferences);
        }

        if (applied is not null && applied >= latest.Svn.Version)
        {
            return Result(facts, SvnId, SvnTitle, CheckStatus.Compliant, Severity.Medium, expected, actual, dbx.Source, null, null, BlackLotusReferences);
        }

        var remedy = stage == 2
            ? "Apply the SVN update (AvailableUpdates " + Hex(SvnBit) + "; Windows stages it in %SystemRoot%\\System32\\SecureBootUpdates\\DBXUpdateSVN.bin) and restart. Older boot managers then stop booting: update boot media first."
            : "Reach stage 2 first, then apply the SVN update (AvailableUpdates " + Hex(SvnBit) + ").";
        return Result(facts, SvnId, SvnTitle, CheckStatus.NonCompliant, Severity.Medium, expected, actual, dbx.Source,
            Join("Boot managers older than the SVN Microsoft has published (" + latest.Description + ") are not yet refused.", QueuedNote(facts, SvnBit)), remedy, BlackLotusReferences);
    }

    private static SecurityCheckResult CheckServicing(RolloverFacts facts)
    {
        const string Expected = "UEFICA2023Status Updated, UEFICA2023Error 0";
        var servicing = facts.Servicing;
        var source = Sources(servicing.Sources.TryGetValue("Status", out var a) ? a : null, servicing.Sources.TryGetValue("Error", out var b) ? b : null, servicing.Sources.TryGetValue("AvailableUpdates", out var c) ? c : null);
        var pending = servicing.PendingUpdates is { Count: > 0 } list ? "; pending: " + string.Join(", ", list) : string.Empty;
        var actual = (servicing.Status is null ? "no UEFICA2023Status" : "UEFICA2023Status " + servicing.Status)
            + (servicing.Error is { } e ? string.Format(CultureInfo.InvariantCulture, ", UEFICA2023Error 0x{0:X8}", e) : string.Empty)
            + (servicing.AvailableUpdates is { } u ? string.Format(CultureInfo.InvariantCulture, ", AvailableUpdates 0x{0:X}", u) : string.Empty) + pending;
        if (servicing.Status is null && servicing.Error is null)
        {
            var reason = servicing.Unknowns.Count > 0
                ? string.Join(" ", servicing.Unknowns)
                : "Windows has not recorded UEFICA2023Status: the servicing of the 2023 certificates has not run on this node (it needs the cumulative updates from November 2025 on).";
            return Result(facts, ServicingId, ServicingTitle, CheckStatus.Unknown, Severity.Medium, Expected, servicing.AvailableUpdates is null ? null : actual, source, reason, null, RolloverReferences);
        }

        if (servicing.Error is { } error && error != 0)
        {
            return Result(facts, ServicingId, ServicingTitle, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, source,
                "The last servicing attempt failed; the System log's TPM-WMI events (ALSEC-SB-010) say which step.",
                "Look up the error and the TPM-WMI event it comes with (KB5016061): a firmware that refuses the write needs the OEM's firmware update; a BitLocker incompatibility (event 1032) needs BitLocker suspended for two restarts.", EventReferences);
        }

        if (string.Equals(servicing.Status, "Updated", StringComparison.OrdinalIgnoreCase))
        {
            return Result(facts, ServicingId, ServicingTitle, CheckStatus.Compliant, Severity.Medium, Expected, actual, source, null, null, RolloverReferences);
        }

        return Result(facts, ServicingId, ServicingTitle, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, source,
            "Windows has not finished applying the 2023 certificates.",
            "Let the Secure-Boot-Update task finish (it runs 5 minutes after start-up and every 12 hours) and restart when it asks. " + AzureLocalOrchestration, RolloverReferences);
    }

    private static IEnumerable<SecurityCheckResult> CheckExpiry(RolloverFacts facts, DateTime asOf)
    {
        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var database in new[] { facts.PlatformKey, facts.KeyExchangeKey, facts.Db })
        {
            if (database.Entries is null)
            {
                yield return Result(facts, ExpiryId, $"Certificates in {database.Name} are valid or replaced", CheckStatus.Unknown, Severity.High, "valid on " + date, null, database.Source, database.Unknown!, null, RolloverReferences);
                continue;
            }

            foreach (var entry in database.Entries.Where(e => e.Kind == EfiSignatureKind.X509))
            {
                yield return CheckCertificate(facts, database, entry, asOf, date);
            }
        }
    }

    private static SecurityCheckResult CheckCertificate(RolloverFacts facts, RolloverFacts.SignatureDatabase database, EfiSignatureEntry entry, DateTime asOf, string date)
    {
        var name = entry.KnownName ?? PeAuthenticodeName(entry.Subject) ?? entry.Thumbprint ?? "certificate " + entry.EntryIndex.ToString(CultureInfo.InvariantCulture);
        var title = $"{database.Name} certificate '{name}' is valid or replaced";
        var expected = "valid on " + date + ", or replaced";
        var source = database.Source;
        if (entry.NotAfter is not { } notAfter)
        {
            return Result(facts, ExpiryId, title, CheckStatus.Unknown, Severity.Medium, expected, null, source, entry.Error ?? "The certificate's validity could not be read.", null, RolloverReferences);
        }

        var until = notAfter.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        if (notAfter > asOf)
        {
            return Result(facts, ExpiryId, title, CheckStatus.Compliant, Severity.Medium, expected, "valid until " + until, source, null, null, RolloverReferences);
        }

        var known = entry.KnownCertificate;
        if (known is { ReplacedBy.Count: > 0 })
        {
            var home = known.Role == SecureBootCertificateRole.KeyExchangeKey ? facts.KeyExchangeKey : facts.Db;
            var missing = known.ReplacedBy.Where(r => home.Holds(r) != true).ToList();
            var severity = known.Role == SecureBootCertificateRole.KeyExchangeKey || known.Name == WindowsProductionPca2011 ? Severity.High : Severity.Medium;
            if (missing.Count == 0)
            {
                return Result(facts, ExpiryId, title, CheckStatus.Compliant, severity, expected, $"expired {until}; replaced by {string.Join(" and ", known.ReplacedBy)}", source,
                    "An expired CA in db or KEK keeps verifying what it signed before it expired; its successor carries new signatures.", null, RolloverReferences);
            }

            return Result(facts, ExpiryId, title, CheckStatus.NonCompliant, severity, expected, $"expired {until}; {string.Join(" and ", missing)} not in {home.Name}", source,
                $"Nothing new is signed under the {known.Name} after it expired: {known.Purpose} from then on are signed under {string.Join(" and ", known.ReplacedBy)} only.",
                $"Add {string.Join(" and ", missing)} to {home.Name}. " + AzureLocalOrchestration, RolloverReferences);
        }

        return Result(facts, ExpiryId, title, CheckStatus.NonCompliant, Severity.Low, expected, "expired " + until, source,
            database.Name == "PK"
                ? "The platform key has expired: firmware does not check the date, but its owner can no longer sign KEK updates with a current key."
                : "The certificate has expired: firmware does not check the date, but nothing new is signed under it.",
            "Ask the platform's manufacturer for a firmware update that enrolls a current certificate.", RolloverReferences);
    }

    private static string? PeAuthenticodeName(string? subject) => BootManager.PeAuthenticode.CommonName(subject);

    /// <summary>Whether dbx revokes the Microsoft certificate named (as an X.509 entry), or null when dbx could not be read.</summary>
    private static bool? Revokes(RolloverFacts.SignatureDatabase dbx, string name) => dbx.Holds(name);

    /// <summary>The next step: the first non-compliant result, in the order the rollover has to happen.</summary>
    private static string? NextStep(IReadOnlyList<SecurityCheckResult> results)
    {
        string[] order = [KekId, WindowsCaId, UefiCaId, OptionRomCaId, BootManagerId, ServicingId, EventsId, PcaRevokedId, SvnId, ExpiryId];
        var critical = results.FirstOrDefault(r => r.Status == CheckStatus.NonCompliant && r.Severity == Severity.Critical);
        if (critical is not null)
        {
            return critical.Id + ": " + critical.Remediation;
        }

        foreach (var id in order)
        {
            var first = results.FirstOrDefault(r => r.Id == id && r.Status == CheckStatus.NonCompliant && r.Remediation is not null);
            if (first is not null)
            {
                return first.Id + ": " + first.Remediation;
            }
        }

        return null;
    }

    private static string Certificates(RolloverFacts.SignatureDatabase database)
    {
        if (database.Absent)
        {
            return "no " + database.Name + " variable";
        }

        var names = database.Entries!.Where(e => e.Kind == EfiSignatureKind.X509).Select(e => e.KnownName ?? PeAuthenticodeName(e.Subject) ?? e.Thumbprint ?? "?").ToList();
        return names.Count == 0 ? "no certificates" : string.Join("; ", names);
    }

    private static string? QueuedNote(RolloverFacts facts, uint bit) =>
        facts.Queued(bit) == true ? $"Windows has it queued (AvailableUpdates {Hex(bit)} is set): it is applied when the Secure-Boot-Update task next runs, or after a restart." : null;

    private static string? Sources(params string?[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private static string? Join(params string?[] parts)
    {
        var kept = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return kept.Count == 0 ? null : string.Join(" ", kept);
    }

    private static SecurityCheckResult Result(RolloverFacts facts, string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string[] references) =>
        new(id, title, Area, status, severity, expected, actual, source, reason, remediation, references, facts.Node);
}
