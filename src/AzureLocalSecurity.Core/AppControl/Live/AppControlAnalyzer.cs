using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Events;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// A node's App Control for Business state from its evidence (<see cref="AppControlEvidenceIds"/>, and Win32_DeviceGuard from
/// <see cref="SecuredCoreEvidenceIds.DeviceGuard"/>). The active policies are CiTool's list; without CiTool, the deployed
/// files of the Active folder and the legacy <c>SiPolicy.p7b</c> and <c>driversipolicy.p7b</c>. A policy's own mode is read,
/// in this order, from CiTool's PolicyOptions, from its compiled file's option bits (through an
/// <see cref="ICompiledPolicyInspector"/>), and from the Options of its latest 3099 activation event; each has the
/// "Enabled:Audit Mode" option (bit 0x10000) or not. CiTool's "Is Currently Enforced" means active, not "not audit". Pure.
/// </summary>
public static class AppControlAnalyzer
{
    /// <summary>Where a policy listed from CiTool says it came from.</summary>
    public const string CiToolSource = "CiTool";

    /// <summary>Where a policy listed from a deployed file says it came from.</summary>
    public const string FileSource = "file";

    private const string UsermodeStatus = "UsermodeCodeIntegrityPolicyEnforcementStatus";
    private const string KernelStatus = "CodeIntegrityPolicyEnforcementStatus";

    // CODEINTEGRITY_OPTION_* (reference/WINAPI.md §6).
    private const long UmciEnabled = 0x04, UmciAuditMode = 0x08;

    /// <summary>Reads a node's state, reading compiled policy files with the full binary reader (<see cref="Policy.SiPolicyInspector"/>).</summary>
    public static ApplicationControlState Read(EvidenceBundle bundle) => Read(bundle, Policy.SiPolicyInspector.Instance);

    /// <summary>Reads a node's state, reading compiled policy files through <paramref name="inspector"/>.</summary>
    public static ApplicationControlState Read(EvidenceBundle bundle, ICompiledPolicyInspector inspector)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        if (inspector is null)
        {
            throw new ArgumentNullException(nameof(inspector));
        }

        var state = new ApplicationControlState { NodeName = bundle.NodeName };
        var unknowns = new List<string>();
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            unknowns.Add("App Control for Business is a Windows feature: this node runs Linux, which has no App Control policy, CiTool or Code Integrity log to read.");
            state.Unknowns = unknowns;
            return state;
        }

        ReadNodeMode(bundle, state, unknowns);
        var log = ReadEvents(bundle);
        var activations = log.Events
            .Where(e => e.Kind == CodeIntegrityEventKind.PolicyActivated && e.PolicyGuid is not null)
            .GroupBy(e => e.PolicyGuid!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        var files = new PolicyFiles(bundle, inspector);

        var active = new List<ActivePolicy>();
        var inactive = new List<ActivePolicy>();
        if (TryCiTool(bundle, out var listed, out var ciToolWhy))
        {
            state.PoliciesKnown = true;
            state.PolicySource = CiToolSource;
            foreach (var entry in listed)
            {
                var policy = FromCiTool(entry);
                Complete(policy, files.ForPolicy(entry.PolicyId), activations);
                (entry.IsEnforced == false ? inactive : active).Add(policy);
            }
        }
        else
        {
            unknowns.Add(ciToolWhy!);
            unknowns.AddRange(files.Unknowns);
            if (files.Listed)
            {
                state.PoliciesKnown = true;
                state.PolicySource = FileSource;
                unknowns.Add("The active policies are taken from the deployed policy files: a file deployed but not yet activated (by a refresh or a restart) is listed too, and whether each is active is not known.");
                foreach (var file in files.All)
                {
                    var policy = new ActivePolicy { Source = FileSource, PolicyId = file.PolicyId };
                    Complete(policy, file, activations);
                    active.Add(policy);
                }
            }
        }

        foreach (var policy in active.Concat(inactive))
        {
            policy.NodeName = bundle.NodeName;
            policy.NodeMode = state.Mode;
        }

        state.Policies = active;
        state.InactivePolicies = inactive;
        if (!log.IsKnown && active.Any(p => p.Mode == AppControlMode.Unknown))
        {
            unknowns.Add("The Code Integrity events (policy activations) could not be read: " + log.Unknown);
        }

        state.Unknowns = unknowns;
        return state;
    }

    /// <summary>The Code Integrity events a bundle holds, newest first, or why there are none to read.</summary>
    public static CodeIntegrityEventLog ReadEvents(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var log = new CodeIntegrityEventLog { NodeName = bundle.NodeName };
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            log.Unknown = "Code Integrity events are Windows': this node runs Linux.";
            return log;
        }

        var item = bundle.Find(AppControlEvidenceIds.CodeIntegrityEvents);
        log.Source = item?.Source;
        log.CapturedAt = item?.CapturedAt;
        if (item is null)
        {
            log.Unknown = "The bundle holds no Code Integrity events (it was captured without the App Control collector).";
            return log;
        }

        if (!item.Succeeded)
        {
            log.Unknown = "The Code Integrity Operational log could not be read: " + item.Error!.Message;
            return log;
        }

        try
        {
            log.Events = CodeIntegrityEventReader.Read(item.GetText() ?? string.Empty);
        }
        catch (WindowsEventFormatException ex)
        {
            log.Unknown = "The captured Code Integrity events are not event XML: " + ex.Message;
            return log;
        }

        if (bundle.Find(AppControlEvidenceIds.CodeIntegrityEventQuery) is { Succeeded: true, Records: { Count: > 0 } records })
        {
            log.Days = records[0].Get("Days")?.AsInt64() is { } days && days <= int.MaxValue ? (int)days : null;
            log.Truncated = records[0].Get("Truncated")?.AsBoolean();
        }

        return log;
    }

    private static void ReadNodeMode(EvidenceBundle bundle, ApplicationControlState state, List<string> unknowns)
    {
        var item = bundle.Find(SecuredCoreEvidenceIds.DeviceGuard);
        if (item is { Succeeded: true, Records: { Count: > 0 } records })
        {
            var record = records[0];
            state.Mode = Status(record, UsermodeStatus, unknowns);
            state.KernelMode = Status(record, KernelStatus, unknowns);
            state.ModeSource = item.Source + " " + UsermodeStatus;
            return;
        }

        var why = item is null ? "the bundle holds no Device Guard facts" : item.Error?.Message ?? "the item holds no record";
        unknowns.Add($"Win32_DeviceGuard could not be read ({why}): the kernel-mode status ({KernelStatus}) is not known.");
        var kernel = bundle.Find(BaselineEvidenceIds.CodeIntegrity);
        if (kernel is { Succeeded: true, Records: { Count: > 0 } kernelRecords } && kernelRecords[0].Get(BaselineEvidenceProperties.CodeIntegrityOptions)?.AsInt64() is { } options)
        {
            state.Mode = (options & UmciAuditMode) != 0 ? AppControlMode.Audit : (options & UmciEnabled) != 0 ? AppControlMode.Enforced : AppControlMode.Off;
            state.ModeSource = string.Format(CultureInfo.InvariantCulture, "{0} CodeIntegrityOptions 0x{1:X} (CODEINTEGRITY_OPTION_UMCI_ENABLED 0x4, _UMCI_AUDITMODE_ENABLED 0x8)", kernel.Source, options);
            return;
        }

        unknowns.Add("The node's App Control mode is not known: neither Win32_DeviceGuard nor the kernel's code integrity options could be read.");
    }

    private static AppControlMode Status(EvidenceRecord record, string property, List<string> unknowns)
    {
        switch (record.Get(property)?.AsInt64())
        {
            case 0:
                return AppControlMode.Off;
            case 1:
                return AppControlMode.Audit;
            case 2:
                return AppControlMode.Enforced;
            case null:
                unknowns.Add($"Win32_DeviceGuard holds no {property} (this build does not report it).");
                return AppControlMode.Unknown;
            case { } other:
                unknowns.Add(string.Format(CultureInfo.InvariantCulture, "Win32_DeviceGuard {0} is {1}, not one of the documented 0 (off), 1 (audit), 2 (enforced).", property, other));
                return AppControlMode.Unknown;
        }
    }

    private static bool TryCiTool(EvidenceBundle bundle, out IReadOnlyList<CiToolPolicy> policies, out string? why)
    {
        policies = [];
        var item = bundle.Find(AppControlEvidenceIds.CiToolPolicies);
        if (item is null)
        {
            why = "The bundle holds no CiTool policy listing (it was captured without the App Control collector).";
            return false;
        }

        if (!item.Succeeded)
        {
            why = "CiTool's policy listing could not be read: " + item.Error!.Message;
            return false;
        }

        try
        {
            policies = CiToolPolicyListParser.Parse(item.GetText() ?? string.Empty);
            why = null;
            return true;
        }
        catch (CiToolOutputException ex)
        {
            var run = bundle.Find(AppControlEvidenceIds.CiToolRun) is { Succeeded: true, Records: { Count: > 0 } records } ? records[0] : null;
            var exit = run?.Get(AppControlEvidenceIds.ExitCodeProperty)?.AsInt64() is { } code
                ? string.Format(CultureInfo.InvariantCulture, " (CiTool exited with {0})", code)
                : string.Empty;
            why = ex.Message + exit;
            return false;
        }
    }

    private static ActivePolicy FromCiTool(CiToolPolicy entry) => new()
    {
        Source = CiToolSource,
        PolicyId = entry.PolicyId,
        BasePolicyId = entry.BasePolicyId,
        Name = string.IsNullOrEmpty(entry.FriendlyName) ? null : entry.FriendlyName,
        Version = entry.Version,
        VersionRaw = entry.VersionRaw,
        IsSigned = entry.IsSigned,
        IsEnforced = entry.IsEnforced,
        IsAuthorized = entry.IsAuthorized,
        HasFileOnDisk = entry.HasFileOnDisk,
        IsPlatformPolicy = entry.IsPlatformPolicy,
        Options = entry.PolicyOptions ?? [],
    };

    /// <summary>Fills what the listing left open from the compiled file and the latest activation, then the mode and the labels.</summary>
    private static void Complete(ActivePolicy policy, PolicyFile? file, Dictionary<Guid, CodeIntegrityEvent> activations)
    {
        var unknowns = new List<string>();
        var facts = file?.Facts;
        var ciToolOptions = policy.Source == CiToolSource && policy.Options.Count > 0;
        if (file is not null)
        {
            policy.FileName = file.FileName;
            if (file.Problem is not null)
            {
                unknowns.Add(file.Problem);
            }
        }

        var activation = policy.PolicyId is { } id && activations.TryGetValue(id, out var e) ? e : null;
        policy.LastActivated = activation?.TimeCreated;
        policy.PolicyId ??= facts?.PolicyId;
        policy.BasePolicyId ??= facts?.BasePolicyId;
        policy.Name ??= facts?.Name ?? activation?.PolicyName;
        policy.Version ??= facts?.Version;
        policy.IsSigned ??= facts?.IsSigned;
        policy.OptionFlags = facts?.OptionFlags ?? activation?.PolicyOptionFlags;
        if (policy.Options.Count == 0)
        {
            policy.Options = facts?.Options is { Count: > 0 } named ? named : activation?.PolicyOptions ?? [];
        }

        var known = KnownPolicies.Find(policy.PolicyId);
        policy.IsAzureLocalBase = policy.PolicyId == KnownPolicies.AzureLocalBase;
        policy.Label = known?.Label;
        policy.IsMicrosoftProvided = known is not null || policy.IsPlatformPolicy == true;
        policy.Name ??= known?.Name;
        if (policy.BasePolicyId is null && known is { IsBase: true })
        {
            policy.BasePolicyId = policy.PolicyId;
        }

        policy.IsBase = policy.BasePolicyId is { } b && policy.PolicyId is { } p ? b == p : known?.IsBase;
        if (policy.IsBase is null)
        {
            unknowns.Add("Whether it is a base or a supplemental policy is not known: its base policy id is in the policy's body, which the header reader does not read.");
        }

        if (policy.PolicyId is null)
        {
            unknowns.Add("The policy's id is not known: a single-policy-format file does not name it in its header.");
        }

        ResolveMode(policy, ciToolOptions, facts, file?.FileName, activation, unknowns);
        policy.Unknowns = unknowns;
    }

    private static void ResolveMode(ActivePolicy policy, bool ciToolOptions, CompiledPolicyFacts? facts, string? fileName, CodeIntegrityEvent? activation, List<string> unknowns)
    {
        if (ciToolOptions)
        {
            policy.Mode = policy.Options.Any(PolicyRuleOptions.IsAuditMode) ? AppControlMode.Audit : AppControlMode.Enforced;
            policy.ModeSource = "CiTool PolicyOptions";
        }
        else if (facts is not null)
        {
            policy.Mode = facts.IsAuditMode ? AppControlMode.Audit : AppControlMode.Enforced;
            policy.ModeSource = string.Format(CultureInfo.InvariantCulture, "OptionFlags 0x{0:X8} of {1}", facts.OptionFlags, fileName);
        }
        else if (activation?.PolicyIsAuditMode is { } audit)
        {
            policy.Mode = audit ? AppControlMode.Audit : AppControlMode.Enforced;
            policy.ModeSource = string.Format(CultureInfo.InvariantCulture, "event 3099 Options 0x{0:X8} at {1:u}", activation.PolicyOptionFlags, activation.TimeCreated);
        }
        else
        {
            policy.Mode = AppControlMode.Unknown;
            unknowns.Add(policy.Source == CiToolSource
                ? "The policy's mode is not known: CiTool's text form lists no options, no deployed file of it was read, and no activation event (3099) of it is in the capture."
                : "The policy's mode is not known: its file could not be read and no activation event (3099) of it is in the capture.");
            return;
        }

        // The deployed file is what is loaded after the next refresh; the activation event what was loaded then.
        if (activation?.PolicyIsAuditMode is { } loaded && (loaded ? AppControlMode.Audit : AppControlMode.Enforced) != policy.Mode)
        {
            unknowns.Add(string.Format(
                CultureInfo.InvariantCulture,
                "Its latest activation in the capture (3099 at {0:u}) loaded it in {1} mode, but {2} says {3}: a change that is not active yet, or one made after that activation.",
                activation.TimeCreated,
                loaded ? "audit" : "enforced",
                policy.ModeSource,
                policy.Mode));
        }
    }

    /// <summary>One deployed policy file and what its bytes say.</summary>
    private sealed class PolicyFile
    {
        public string FileName { get; set; } = string.Empty;

        public Guid? PolicyId { get; set; }

        public CompiledPolicyFacts? Facts { get; set; }

        public string? Problem { get; set; }
    }

    /// <summary>The deployed policy files of a bundle: the Active folder's and the two legacy ones.</summary>
    private sealed class PolicyFiles
    {
        private readonly List<PolicyFile> _files = [];

        public PolicyFiles(EvidenceBundle bundle, ICompiledPolicyInspector inspector)
        {
            var folder = bundle.Find(AppControlEvidenceIds.ActivePoliciesFolder);
            if (folder is null)
            {
                Unknowns.Add("The bundle holds no listing of the Active policy folder.");
            }
            else if (folder.Succeeded)
            {
                Listed = true;
                foreach (var record in folder.Records ?? [])
                {
                    if (record.Get("Name")?.AsString() is not { Length: > 0 } name || name.IndexOfAny(['\\', '/']) >= 0)
                    {
                        continue;
                    }

                    var policyId = Guid.TryParse(Path.GetFileNameWithoutExtension(name), out var g) ? g : (Guid?)null;
                    _files.Add(Read(bundle, inspector, AppControlEvidenceIds.ActivePolicyFile(name), name, policyId));
                }
            }
            else if (folder.Error!.Category == EvidenceErrorCategory.NotFound)
            {
                // No multiple-policy-format policy was ever deployed: an empty folder, as far as policies go.
                Listed = true;
            }
            else
            {
                Unknowns.Add("The Active policy folder could not be listed: " + folder.Error.Message);
            }

            foreach (var (id, name, policyId) in new[] { (AppControlEvidenceIds.SiPolicyFile, "SiPolicy.p7b", (Guid?)null), (AppControlEvidenceIds.DriverPolicyFile, "driversipolicy.p7b", KnownPolicies.DriverPolicy) })
            {
                var item = bundle.Find(id);
                if (item is { Succeeded: false, Error.Category: not EvidenceErrorCategory.NotFound })
                {
                    Unknowns.Add($"{name} could not be read: {item.Error.Message}");
                }
                else if (item is { Succeeded: true })
                {
                    var file = Read(bundle, inspector, id, name, policyId);
                    if (file.PolicyId is null || !_files.Any(f => f.PolicyId == file.PolicyId))
                    {
                        _files.Add(file);
                    }
                }
            }
        }

        public bool Listed { get; }

        public List<string> Unknowns { get; } = [];

        public IReadOnlyList<PolicyFile> All => _files;

        public PolicyFile? ForPolicy(Guid policyId) => _files.FirstOrDefault(f => f.PolicyId == policyId);

        private static PolicyFile Read(EvidenceBundle bundle, ICompiledPolicyInspector inspector, string id, string name, Guid? policyId)
        {
            var file = new PolicyFile { FileName = name, PolicyId = policyId };
            var item = bundle.Find(id);
            if (item is null)
            {
                file.Problem = $"The bundle holds no bytes of {name}.";
            }
            else if (!item.Succeeded)
            {
                file.Problem = $"{name} could not be read: {item.Error!.Message}";
            }
            else if (inspector.TryInspect(item.GetData() ?? [], out var facts, out var problem))
            {
                file.Facts = facts;
                file.PolicyId ??= facts!.PolicyId;
            }
            else
            {
                file.Problem = $"{name} is not a policy the inspector reads: {problem}";
            }

            return file;
        }
    }
}
