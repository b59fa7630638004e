using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot.Security;

/// <summary>
/// Reads what a measured-boot log proves about its boot. Pure: the log in, facts out, each tied to its record.
/// </summary>
/// <remarks>
/// Secure Boot facts come from PCR 7 as the TCG PC Client PFP requires the firmware to measure them: the SecureBoot, PK,
/// KEK, db and dbx variables as EV_EFI_VARIABLE_DRIVER_CONFIG records, and each db entry that authorized a boot
/// application as an EV_EFI_VARIABLE_AUTHORITY record. The Windows facts come from the SIPA events Windows' boot manager
/// and loader write into EV_EVENT_TAG records (wbcl.h). A value measured more than once (each boot application writes
/// its own trust boundary) is decided by the worst: debugging on in any boot application is on.
/// </remarks>
public static class BootSecurityAnalyzer
{
    private const string SecureBootCategory = "SecureBoot";
    private const string WindowsCategory = "Windows";
    private const string DrtmCategory = "Drtm";

    /// <summary>Reads the facts from a parsed log; <paramref name="source"/> names where it came from.</summary>
    public static BootSecurityState Analyze(TcgEventLog log, string? source = null)
    {
        if (log is null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        var facts = new List<BootSecurityFact>();
        var pk = new List<string>();
        var kek = new List<string>();
        var db = new List<string>();
        var authorities = new List<string>();

        facts.Add(SecureBootVariable(log));
        facts.Add(Database(log, "PK", pk));
        facts.Add(Database(log, "KEK", kek));
        facts.Add(Database(log, "db", db));
        facts.Add(Database(log, "dbx", null));
        facts.Add(Authorities(log, authorities));

        var sipa = SipaEvents(log).ToList();
        var isWindows = sipa.Count > 0;
        facts.AddRange(WindowsFacts(sipa));
        facts.Add(Drtm(log, sipa));
        return new BootSecurityState(source, log, isWindows, facts, pk, kek, db, authorities);
    }

    private static IEnumerable<(TcgEvent Record, TcgEfiVariableEventData Variable)> Pcr7Variables(TcgEventLog log, TcgEventType type) =>
        log.Events
            .Where(e => e.PcrIndex == 7 && e.EventType == type)
            .Select(e => (Record: e, Variable: e.Decoded as TcgEfiVariableEventData))
            .Where(p => p.Variable is not null)
            .Select(p => (p.Record, p.Variable!));

    private static BootSecurityFact SecureBootVariable(TcgEventLog log)
    {
        var measured = Pcr7Variables(log, TcgEventType.EfiVariableDriverConfig)
            .LastOrDefault(p => p.Variable.IsSecureBootPolicy && p.Variable.VariableName == "SecureBoot");
        if (measured.Record is null)
        {
            return new BootSecurityFact("SecureBoot", SecureBootCategory, null, "not measured", null, null,
                "The log has no EV_EFI_VARIABLE_DRIVER_CONFIG record of the SecureBoot variable in PCR 7: a BIOS boot, or firmware that does not follow the TCG PC Client PFP.");
        }

        var data = measured.Variable.GetVariableData();
        if (data.Length != 1)
        {
            return new BootSecurityFact("SecureBoot", SecureBootCategory, null, $"measured with {data.Length} bytes", measured.Record, null,
                "The SecureBoot variable is one byte (UEFI 2.10 §3.3); this record holds another size.");
        }

        var on = data[0] == 1;
        return new BootSecurityFact("SecureBoot", SecureBootCategory, on, on ? "On" : "Off", measured.Record,
            "SecureBoot = " + data[0].ToString(CultureInfo.InvariantCulture), null);
    }

    private static BootSecurityFact Database(TcgEventLog log, string name, List<string>? certificates)
    {
        var measured = Pcr7Variables(log, TcgEventType.EfiVariableDriverConfig)
            .LastOrDefault(p => p.Variable.IsSecureBootPolicy && p.Variable.VariableName == name);
        if (measured.Record is null)
        {
            return new BootSecurityFact(name, SecureBootCategory, false, "not measured", null, null,
                $"The log has no EV_EFI_VARIABLE_DRIVER_CONFIG record of {name} in PCR 7.");
        }

        var data = measured.Variable.GetVariableData();
        if (data.Length == 0)
        {
            return new BootSecurityFact(name, SecureBootCategory, true, "measured empty", measured.Record, null,
                name == "PK" ? "An empty PK means the platform is in Setup Mode: Secure Boot cannot be enforced." : null);
        }

        EfiSignatureDatabaseContents contents;
        try
        {
            contents = EfiSignatureDatabase.Parse(data);
        }
        catch (EfiFormatException ex)
        {
            return new BootSecurityFact(name, SecureBootCategory, true, $"measured, {data.Length} bytes", measured.Record, null,
                "The measured value is not a signature database: " + ex.Message);
        }

        var certs = contents.Entries.Where(e => e.Subject is not null).Select(e => e.KnownName ?? e.Subject!).ToList();
        certificates?.AddRange(certs);
        var hashes = contents.Entries.Count(e => e.Hash is not null);
        var parts = new List<string>();
        if (certs.Count > 0)
        {
            parts.Add(Count(certs.Count, "certificate"));
        }

        if (hashes > 0)
        {
            parts.Add(Count(hashes, "hash", "hashes"));
        }

        var other = contents.Entries.Count - certs.Count - hashes;
        if (other > 0)
        {
            parts.Add(Count(other, "other entry", "other entries"));
        }

        var value = "measured: " + (parts.Count == 0 ? "no entries" : string.Join(", ", parts));
        return new BootSecurityFact(name, SecureBootCategory, true, value, measured.Record, certs.Count == 0 ? null : string.Join("; ", certs), null);
    }

    private static BootSecurityFact Authorities(TcgEventLog log, List<string> authorities)
    {
        TcgEvent? first = null;
        foreach (var (record, variable) in Pcr7Variables(log, TcgEventType.EfiVariableAuthority))
        {
            first ??= record;
            var data = variable.GetVariableData();
            var certificate = data.Length > EfiSignatureDatabase.OwnerSize
                ? CertificateFacts.Decode(data, EfiSignatureDatabase.OwnerSize, data.Length - EfiSignatureDatabase.OwnerSize, out _)
                : null;
            var label = certificate is null
                ? $"{variable.VariableName} entry of {data.Length} bytes"
                : MicrosoftSecureBootCertificates.FindByThumbprint(certificate.Thumbprint)?.Name ?? certificate.Subject;
            authorities.Add(variable.VariableName == "db" ? label : $"{label} ({variable.VariableName})");
        }

        return first is null
            ? new BootSecurityFact("BootAuthority", SecureBootCategory, null, "none measured", null, null,
                "No EV_EFI_VARIABLE_AUTHORITY record in PCR 7: Secure Boot verified no boot application, or was off.")
            : new BootSecurityFact("BootAuthority", SecureBootCategory, true, string.Join("; ", authorities), first, Count(authorities.Count, "authority", "authorities"), null);
    }

    private static IEnumerable<(TcgEvent Record, SipaEvent Event)> SipaEvents(TcgEventLog log)
    {
        foreach (var record in log.Events.Where(e => e.EventType == TcgEventType.EventTag))
        {
            if (record.Decoded is TcgTaggedEventData { IsSipa: true } tagged)
            {
                foreach (var sipa in tagged.AllSipaEvents())
                {
                    yield return (record, sipa);
                }
            }
        }
    }

    private static IEnumerable<BootSecurityFact> WindowsFacts(List<(TcgEvent Record, SipaEvent Event)> sipa)
    {
        var windows = sipa.Count > 0;
        const string NotWindows = "No Windows boot application measured SIPA events into this log (not a Windows boot, or a log without EV_EVENT_TAG records).";

        yield return Flag(sipa, "BootDebugging", "BootDebugging", worstIsOn: true, windows ? null : NotWindows);
        yield return Flag(sipa, "KernelDebugging", "OsKernelDebug", worstIsOn: true, windows ? null : NotWindows);
        yield return Flag(sipa, "HypervisorDebugging", "HypervisorDebug", worstIsOn: true, windows ? null : NotWindows);
        yield return Flag(sipa, "TestSigning", "TestSigning", worstIsOn: true, windows ? null : NotWindows);
        yield return Flag(sipa, "FlightSigning", "FlightSigning", worstIsOn: true, windows ? null : NotWindows);
        yield return Flag(sipa, "CodeIntegrity", "CodeIntegrity", worstIsOn: false, windows ? null : NotWindows);
        yield return Flag(sipa, "SafeMode", "SafeMode", worstIsOn: true, windows ? null : NotWindows);

        var vsm = Last(sipa, "VsmLaunchType");
        var vsmFact = vsm.Record is null
            ? new BootSecurityFact("Vsm", WindowsCategory, null, "not measured", null, null, windows ? "No VsmLaunchType event: this Windows boot did not say whether it launched VSM." : NotWindows)
            : new BootSecurityFact("Vsm", WindowsCategory, vsm.Event.Number != 0,
                vsm.Event.Number == 0 ? "Off" : "On (launch type " + vsm.Event.Value + ")", vsm.Record, "VsmLaunchType = " + vsm.Event.Value, null);
        yield return vsmFact;

        var hvci = Last(sipa, "VbsHvciPolicy");
        if (hvci.Record is not null)
        {
            var bits = hvci.Event.Number ?? 0;
            yield return new BootSecurityFact("Hvci", WindowsCategory, (bits & 1) != 0, (bits & 1) != 0 ? "On" : "Off", hvci.Record,
                "VbsHvciPolicy = " + hvci.Event.Value, "Bit 0 of the HVCI policy is memory integrity on (the HvciOptions Enabled bit).");
        }
        else
        {
            yield return OffWithVsm("Hvci", vsmFact, windows, NotWindows, "No VbsHvciPolicy event although VSM was launched; HVCI cannot be told from this log.");
        }

        var lsaIso = Last(sipa, "LsaIsoConfig");
        if (lsaIso.Record is not null)
        {
            var on = (lsaIso.Event.Number ?? 0) != 0;
            yield return new BootSecurityFact("CredentialGuard", WindowsCategory, on, on ? "On" : "Off", lsaIso.Record, "LsaIsoConfig = " + lsaIso.Event.Value, null);
        }
        else
        {
            yield return OffWithVsm("CredentialGuard", vsmFact, windows, NotWindows, "No LsaIsoConfig event although VSM was launched; Credential Guard cannot be told from this log.");
        }

        var unlock = Last(sipa, "BitLockerUnlock");
        yield return unlock.Record is null
            ? Missing("BitLockerUnlock", windows, NotWindows, "No BitLockerUnlock event: the OS volume was not unlocked by BitLocker in this boot, or BitLocker is off.")
            : new BootSecurityFact("BitLockerUnlock", WindowsCategory, true,
                unlock.Event.Flags is { Count: > 0 } flags ? string.Join(", ", flags) : unlock.Event.Value, unlock.Record, "BitLockerUnlock = " + unlock.Event.Value, null);

        var elam = Last(sipa, "ElamKeyName");
        yield return elam.Record is null
            ? Missing("Elam", windows, NotWindows, "No ElamKeyName event: no early-launch anti-malware driver was measured.")
            : new BootSecurityFact("Elam", WindowsCategory, true, elam.Event.Text ?? elam.Event.Value, elam.Record, "ElamKeyName = " + elam.Event.Value, null);

        var policies = sipa.Where(s => s.Event.SiPolicy is not null).ToList();
        yield return policies.Count == 0
            ? Missing("SiPolicy", windows, NotWindows, "No SI policy event: no App Control policy was measured at boot.")
            : new BootSecurityFact("SiPolicy", WindowsCategory, true, string.Join("; ", policies.Select(p => p.Event.SiPolicy!.Name).Distinct(StringComparer.Ordinal)),
                policies[0].Record, string.Join("; ", policies.Select(p => p.Event.SiPolicy!.ToString())), null);
    }

    private static BootSecurityFact Drtm(TcgEventLog log, List<(TcgEvent Record, SipaEvent Event)> sipa)
    {
        var dynamicPcr = log.Events.FirstOrDefault(e => e.PcrIndex is >= 17 and <= 22);
        if (dynamicPcr is not null)
        {
            return new BootSecurityFact("Drtm", DrtmCategory, true, "On", dynamicPcr, $"a record in PCR {dynamicPcr.PcrIndex}", "Records in PCRs 17-22 are made only by a dynamic launch.");
        }

        var drtm = sipa.FirstOrDefault(s => s.Event.Name.StartsWith("Drtm", StringComparison.Ordinal));
        if (drtm.Record is not null)
        {
            return new BootSecurityFact("Drtm", DrtmCategory, true, "On", drtm.Record, drtm.Event.ToString(), null);
        }

        return new BootSecurityFact("Drtm", DrtmCategory, null, "not in this log", null, null,
            "No DRTM measurement in this log. Windows keeps a dynamic launch's measurements in its own log (Tbsi_Get_TCG_Log_Ex with TBS_TCGLOG_DRTM_CURRENT), so this log alone cannot say DRTM was off.");
    }

    private static BootSecurityFact Flag(List<(TcgEvent Record, SipaEvent Event)> sipa, string name, string sipaName, bool worstIsOn, string? notWindows)
    {
        var events = sipa.Where(s => s.Event.Name == sipaName && s.Event.Boolean is not null).ToList();
        if (events.Count == 0)
        {
            return new BootSecurityFact(name, WindowsCategory, null, "not measured", null, null,
                notWindows ?? $"No {sipaName} event in this Windows boot's log.");
        }

        // The worst value decides: for a risk (debugging, test signing) any On; for a protection (code integrity) any Off.
        var deciding = events.FirstOrDefault(s => s.Event.Boolean == worstIsOn);
        if (deciding.Record is null)
        {
            deciding = events[events.Count - 1];
        }

        var on = deciding.Event.Boolean!.Value;
        var detail = string.Format(CultureInfo.InvariantCulture, "{0} = {1} ({2} of {3} events)", sipaName, on, events.Count(s => s.Event.Boolean == on), events.Count);
        return new BootSecurityFact(name, WindowsCategory, on, on ? "On" : "Off", deciding.Record, detail, null);
    }

    private static (TcgEvent Record, SipaEvent Event) Last(List<(TcgEvent Record, SipaEvent Event)> sipa, string name) =>
        sipa.LastOrDefault(s => s.Event.Name == name);

    private static BootSecurityFact Missing(string name, bool windows, string notWindows, string reasonForWindows) =>
        windows
            ? new BootSecurityFact(name, WindowsCategory, false, "not measured", null, null, reasonForWindows)
            : new BootSecurityFact(name, WindowsCategory, null, "not measured", null, null, notWindows);

    private static BootSecurityFact OffWithVsm(string name, BootSecurityFact vsm, bool windows, string notWindows, string unknownReason)
    {
        if (!windows)
        {
            return new BootSecurityFact(name, WindowsCategory, null, "not measured", null, null, notWindows);
        }

        return vsm.Enabled == false && vsm.EventIndex is not null
            ? new BootSecurityFact(name, WindowsCategory, false, "Off", null, null, "VSM was not launched (VsmLaunchType 0), and " + name + " runs only inside VSM.")
            : new BootSecurityFact(name, WindowsCategory, null, "not measured", null, null, unknownReason);
    }

    private static string Count(int n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
}
