using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// Computes App Control plans purely from a node's facts (docs/app-control-changes.md): switching a base policy between audit
/// and enforced mode, deploying a saved copy again, adding and removing a supplemental policy. Every plan that changes anything
/// first saves the policy's current compiled file to the rollback folder (a new file, never overwritten) and says how to undo
/// the change; the change itself is CiTool's, with its arguments as a list; then the node's state is read again to check it.
/// A plan for a node already as asked is empty. Nothing is guessed: a fact that could not be read refuses the plan with the
/// reason, and -Force only lets through what cannot be proven (audit events, an unreadable log, bytes that cannot be saved).
/// </summary>
public static class AppControlPlanner
{
    /// <summary>The bit of "Enabled:Allow Supplemental Policies" (option 17).</summary>
    private const uint AllowSupplementalFlag = 0x400;

    /// <summary>The bit of "Enabled:Update Policy No Reboot" (option 16).</summary>
    private const uint UpdateNoRebootFlag = 0x10000000;

    private const string AllowSupplementalOption = "Enabled:Allow Supplemental Policies";

    /// <summary>How many would-be-blocked files a refusal names.</summary>
    private const int FilesNamed = 5;

    /// <summary>
    /// Plans Set-ALApplicationControlMode: the policy is <paramref name="policyId"/>, else Azure Local's base policy, else the
    /// only active base policy Microsoft does not provide. Its compiled file (from <paramref name="policyFiles"/>) gets the
    /// audit-mode bit set or cleared, is saved first as it was, and is deployed with CiTool. Enforcing is refused while the
    /// audit events (3076, 3034) of the <see cref="AppControlModeOptions.LookbackDays"/> before
    /// <see cref="AppControlModeOptions.Now"/> show files it would block, or while the log is unknown, unless
    /// <see cref="AppControlModeOptions.Force"/>.
    /// </summary>
    public static AppControlPlan PlanSetMode(ApplicationControlState state, CodeIntegrityEventLog events, IReadOnlyDictionary<Guid, byte[]> policyFiles, Guid? policyId, AppControlMode target, AppControlModeOptions options)
    {
        Require(state, nameof(state));
        Require(events, nameof(events));
        Require(policyFiles, nameof(policyFiles));
        Require(options, nameof(options));
        CheckOptions(options);
        if (target is not (AppControlMode.Audit or AppControlMode.Enforced))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A policy is switched to Audit or Enforced.");
        }

        var plan = new AppControlPlan(AppControlChangeAction.SetMode, state.NodeName) { TargetMode = target, PolicyId = policyId };
        if (!state.PoliciesKnown)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, PoliciesUnknown(state));
        }

        var policy = PickBasePolicy(state, policyId, plan);
        if (policy is null)
        {
            return plan;
        }

        var id = policy.PolicyId!.Value;
        var name = Name(policy);
        plan.PolicyId = id;
        plan.PolicyName = policy.Name;
        plan.CurrentMode = policy.Mode;
        if (policy.IsBase == false)
        {
            return plan.Refuse(AppControlRefusal.NotBasePolicy, $"{name} is a supplemental policy: it takes its mode from its base policy {policy.BasePolicyId:B}, whose mode is switched instead.");
        }

        if (policy.Mode == AppControlMode.Unknown)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, $"{name}'s current mode is not known: {string.Join(" ", policy.Unknowns)}");
        }

        if (policy.Mode == target)
        {
            plan.Note($"{name} is already in {Words(target)} mode ({policy.ModeSource}); nothing to change.");
            return plan;
        }

        if (RefuseWithoutCiTool(state, plan))
        {
            return plan;
        }

        if (policy.IsSigned == true)
        {
            return plan.Refuse(AppControlRefusal.SignedPolicy, Signed(policy, target));
        }

        if (!policyFiles.TryGetValue(id, out var bytes) || bytes is null)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, FileMissing(policy, "so there is nothing to switch and nothing to save for the undo"));
        }

        byte[] switched;
        try
        {
            switched = CompiledPolicyModeSwitch.Apply(bytes, target);
        }
        catch (CompiledPolicyFormatException ex)
        {
            return ex.IsSigned
                ? plan.Refuse(AppControlRefusal.SignedPolicy, Signed(policy, target))
                : plan.Refuse(AppControlRefusal.UnsupportedPolicyFile, $"{name}'s deployed file is not a compiled policy this module rewrites: {ex.Message}");
        }

        if (CompiledPolicyModeSwitch.ReadMode(bytes) == target)
        {
            plan.Warn($"{name}'s deployed file is already in {Words(target)} mode but the active policy is not (a change waiting for a refresh or a restart); the update deploys it again.");
        }

        if (target == AppControlMode.Enforced && !CheckAuditEvents(state, events, policy, options, plan))
        {
            return plan;
        }

        if (policy.IsAzureLocalBase)
        {
            plan.Warn($"{name} is Azure Local's base policy, which Azure Local switches on every node with Enable-AsWdacPolicy -Mode {target}: this changes {state.NodeName} alone, so it differs from the other nodes until they are switched too.");
        }

        if ((OptionFlags(bytes) & UpdateNoRebootFlag) == 0)
        {
            plan.Warn($"{name} lacks the \"Enabled:Update Policy No Reboot\" rule option: the new mode may apply only after {state.NodeName} restarts, and the check after the update fails until then.");
        }

        var stamp = Stamp(options.Now);
        var rollback = SaveRollbackCopy(plan, options, id, policy.Mode, bytes, stamp, $"{name} as it is now ({Words(policy.Mode)} mode): deploying this file again undoes the change.");
        Deploy(plan, options, id, switched, stamp, $"{name} with \"Enabled:Audit Mode\" {(target == AppControlMode.Audit ? "set" : "cleared")}; every other byte as it is.");
        plan.Add(new AppControlPlanStep(AppControlStepKind.VerifyMode, $"CiTool lists {name} as active in {Words(target)} mode.") { PolicyId = id, ExpectedMode = target });
        plan.UndoCommand = RestoreCommand(rollback);
        return plan;
    }

    /// <summary>
    /// Plans Set-ALApplicationControlMode -RollbackPath: deploys <paramref name="saved"/>, a copy a plan saved, again. Its
    /// policy id is <paramref name="facts"/>' (from the body when the inspector reads it, else the header's id of a
    /// multiple-policy-format file); it must be an active policy's, and <paramref name="policyId"/>'s when given. The file
    /// deployed now is saved first, so the restore is undone the same way.
    /// </summary>
    public static AppControlPlan PlanRestore(ApplicationControlState state, IReadOnlyDictionary<Guid, byte[]> policyFiles, byte[] saved, CompiledPolicyFacts facts, Guid? policyId, AppControlModeOptions options)
    {
        Require(state, nameof(state));
        Require(policyFiles, nameof(policyFiles));
        Require(saved, nameof(saved));
        Require(facts, nameof(facts));
        Require(options, nameof(options));
        CheckOptions(options);
        var savedId = facts.PolicyId ?? facts.PolicyTypeId;
        var plan = new AppControlPlan(AppControlChangeAction.Restore, state.NodeName)
        {
            PolicyId = savedId,
            PolicyName = facts.Name,
            Version = facts.Version,
            TargetMode = facts.IsAuditMode ? AppControlMode.Audit : AppControlMode.Enforced,
        };
        if (!state.PoliciesKnown)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, PoliciesUnknown(state));
        }

        if (policyId is { } wanted && wanted != savedId)
        {
            return plan.Refuse(AppControlRefusal.RollbackMismatch, $"The saved copy is of policy {savedId:B}, not of {wanted:B}.");
        }

        var policy = state.Policies.FirstOrDefault(p => p.PolicyId == savedId);
        if (policy is null)
        {
            return plan.Refuse(AppControlRefusal.RollbackMismatch, $"The saved copy is of policy {savedId:B}, which is not active on {state.NodeName}: a rollback copy is deployed over the active policy it was saved from. A removed supplemental policy is deployed again with Add-ALApplicationControlSupplementalPolicy -Path.");
        }

        var name = Name(policy);
        plan.PolicyName = policy.Name ?? facts.Name;
        plan.CurrentMode = policy.Mode;
        policyFiles.TryGetValue(savedId, out var current);
        if (current is not null && current.SequenceEqual(saved))
        {
            plan.Note($"The saved copy is byte for byte the file of {name} deployed now; nothing to change.");
            return plan;
        }

        if (RefuseWithoutCiTool(state, plan))
        {
            return plan;
        }

        if (policy.Version is { } active && facts.Version is { } older && older < active)
        {
            plan.Warn($"The saved copy is version {older}, older than the active {active}: whether Windows accepts an older version of an unsigned policy is not verified.");
        }

        var stamp = Stamp(options.Now);
        string? rollback = null;
        if (current is null)
        {
            if (!options.Force)
            {
                return plan.Refuse(AppControlRefusal.FactsUnknown, FileMissing(policy, "so it cannot be saved before the saved copy replaces it; -Force restores without saving it"));
            }

            plan.Warn($"-Force: {name}'s deployed file is not known, so it is not saved first; this restore cannot be undone from a file.");
        }
        else
        {
            rollback = SaveRollbackCopy(plan, options, savedId, policy.Mode, current, stamp, $"{name} as it is now: deploying this file again undoes the restore.");
        }

        Deploy(plan, options, savedId, saved, stamp, $"The saved copy of {name}{(facts.Version is null ? string.Empty : ", version " + facts.Version)}, {Words(plan.TargetMode)} mode.");
        plan.Add(new AppControlPlanStep(AppControlStepKind.VerifyActive, $"CiTool lists {name} as active with the saved copy's version and mode.")
        {
            PolicyId = savedId,
            ExpectedVersion = facts.Version,
            ExpectedMode = plan.TargetMode,
        });
        plan.UndoCommand = rollback is null ? null : RestoreCommand(rollback);
        return plan;
    }

    /// <summary>
    /// Plans Add-ALApplicationControlSupplementalPolicy for <paramref name="compiled"/>, whose facts an
    /// <see cref="ICompiledPolicyInspector"/> read: its policy id and base policy id must be known, it must be a supplemental
    /// policy, its base must be active and (when its options are known) allow supplemental policies. The same policy active
    /// with the same version is an empty plan; an older version active is saved, then replaced.
    /// </summary>
    public static AppControlPlan PlanAddSupplemental(ApplicationControlState state, IReadOnlyDictionary<Guid, byte[]> policyFiles, byte[] compiled, CompiledPolicyFacts facts, AppControlModeOptions options)
    {
        Require(state, nameof(state));
        Require(policyFiles, nameof(policyFiles));
        Require(compiled, nameof(compiled));
        Require(facts, nameof(facts));
        Require(options, nameof(options));
        CheckOptions(options);
        var plan = new AppControlPlan(AppControlChangeAction.AddSupplemental, state.NodeName) { PolicyId = facts.PolicyId, PolicyName = facts.Name, Version = facts.Version };
        if (!state.PoliciesKnown)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, PoliciesUnknown(state));
        }

        if (facts.PolicyId is not { } id || facts.BasePolicyId is not { } baseId)
        {
            var missing = facts.PolicyId is null && facts.BasePolicyId is null ? "policy id and base policy id" : facts.PolicyId is null ? "policy id" : "base policy id";
            return plan.Refuse(AppControlRefusal.FactsUnknown, $"The policy's {missing} could not be read, so its base could not be checked: they are in the policy's body, which the policy inspector in use (the built-in header reader reads the header only) does not read. Deploy it with CiTool.exe --update-policy <file> --json until a full policy reader is in place.");
        }

        var name = facts.Name is null ? $"{id:B}" : $"{facts.Name} {id:B}";
        if (id == baseId)
        {
            return plan.Refuse(AppControlRefusal.NotSupplemental, $"{name} is a base policy (its base policy id is its own): this command adds supplemental policies only.");
        }

        var basePolicy = state.Policies.FirstOrDefault(p => p.PolicyId == baseId);
        if (basePolicy is null)
        {
            var inactive = state.InactivePolicies.Any(p => p.PolicyId == baseId) ? " (CiTool lists it, but not as active)" : string.Empty;
            return plan.Refuse(AppControlRefusal.BaseNotActive, $"{name} supplements base policy {baseId:B}, which is not active on {state.NodeName}{inactive}: a supplemental policy applies only with its base.");
        }

        var baseName = Name(basePolicy);
        switch (AllowsSupplementals(basePolicy))
        {
            case false:
                return plan.Refuse(AppControlRefusal.SupplementalsNotAllowed, $"{baseName} lacks the \"{AllowSupplementalOption}\" rule option, so Windows would not apply {name} with it.");
            case null:
                plan.Warn($"Whether {baseName} allows supplemental policies (\"{AllowSupplementalOption}\") could not be read; Windows applies {name} only if it does.");
                break;
        }

        var existing = state.Policies.FirstOrDefault(p => p.PolicyId == id);
        policyFiles.TryGetValue(id, out var current);
        if (existing is not null)
        {
            if (current is not null && current.SequenceEqual(compiled))
            {
                plan.Note($"{name} is already active, byte for byte this file; nothing to change.");
                return plan;
            }

            if (existing.Version is not null && existing.Version == facts.Version)
            {
                plan.Note($"{name} is already active with version {existing.Version}; nothing to change.");
                if (current is not null)
                {
                    plan.Warn($"This file of {name} differs from the active one but has the same version {existing.Version}, so it is not deployed: raise its version to replace the active one.");
                }

                return plan;
            }
        }

        if (RefuseWithoutCiTool(state, plan))
        {
            return plan;
        }

        if (existing?.Version is { } activeVersion && facts.Version is { } newVersion)
        {
            if (newVersion < activeVersion)
            {
                if (!options.Force)
                {
                    return plan.Refuse(AppControlRefusal.VersionDowngrade, $"{name} version {activeVersion} is active, newer than this file's {newVersion}; raise the file's version, or use -Force to deploy the older one.");
                }

                plan.Warn($"-Force: {name} version {newVersion} replaces the newer {activeVersion}; whether Windows accepts an older version is not verified.");
            }
        }
        else if (existing is not null)
        {
            plan.Warn($"{name} is active, but the versions could not both be read; the file replaces it.");
        }

        if (basePolicy.IsSigned is { } baseSigned && baseSigned != facts.IsSigned)
        {
            plan.Warn(baseSigned
                ? $"{baseName} is signed and {name} is not: Windows applies a supplemental policy of a signed base only when it is signed by one of the base's supplemental policy signers."
                : $"{name} is signed and its base {baseName} is not; that is allowed, but it cannot then be removed or replaced by an unsigned policy without care.");
        }

        if (basePolicy.IsAzureLocalBase)
        {
            plan.Warn($"The base is Azure Local's base policy: Azure Local adds supplemental policies to every node with Add-ASWDACSupplementalPolicy; this adds {name} to {state.NodeName} alone.");
        }

        var stamp = Stamp(options.Now);
        string? rollback = null;
        if (existing is not null)
        {
            if (current is null)
            {
                if (!options.Force)
                {
                    return plan.Refuse(AppControlRefusal.FactsUnknown, FileMissing(existing, "so it cannot be saved before it is replaced; -Force replaces it without saving it"));
                }

                plan.Warn($"-Force: the active {name}'s file is not known, so it is not saved first; the replacement cannot be undone from a file.");
            }
            else
            {
                rollback = SaveRollbackCopy(plan, options, id, existing.Mode, current, stamp, $"The active {name}{(existing.Version is null ? string.Empty : " version " + existing.Version)}: deploying this file again undoes the replacement.");
            }
        }

        Deploy(plan, options, id, compiled, stamp, $"{name}{(facts.Version is null ? string.Empty : " version " + facts.Version)}, supplementing {baseName}.");
        plan.Add(new AppControlPlanStep(AppControlStepKind.VerifyActive, $"CiTool lists {name} as active{(facts.Version is null ? string.Empty : " with version " + facts.Version)}.")
        {
            PolicyId = id,
            ExpectedVersion = facts.Version,
        });
        plan.UndoCommand = existing is null
            ? $"Remove-ALApplicationControlSupplementalPolicy -PolicyId {id:D}"
            : rollback is null ? null : RestoreCommand(rollback);
        return plan;
    }

    /// <summary>
    /// Plans Remove-ALApplicationControlSupplementalPolicy: a policy that is not active is an empty plan; a base policy, one
    /// Microsoft provides and one whose kind is not known are refused; the policy's file is saved first (unknown bytes refuse
    /// the plan unless <see cref="AppControlModeOptions.Force"/>), then CiTool removes it.
    /// </summary>
    public static AppControlPlan PlanRemoveSupplemental(ApplicationControlState state, IReadOnlyDictionary<Guid, byte[]> policyFiles, Guid policyId, AppControlModeOptions options)
    {
        Require(state, nameof(state));
        Require(policyFiles, nameof(policyFiles));
        Require(options, nameof(options));
        CheckOptions(options);
        var plan = new AppControlPlan(AppControlChangeAction.RemoveSupplemental, state.NodeName) { PolicyId = policyId };
        if (!state.PoliciesKnown)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, PoliciesUnknown(state));
        }

        var policy = state.Policies.FirstOrDefault(p => p.PolicyId == policyId);
        if (policy is null)
        {
            plan.Note(state.InactivePolicies.Any(p => p.PolicyId == policyId)
                ? $"Policy {policyId:B} is listed by CiTool but not active on {state.NodeName}; nothing to remove."
                : $"No policy {policyId:B} is active on {state.NodeName}; nothing to remove.");
            return plan;
        }

        var name = Name(policy);
        plan.PolicyName = policy.Name;
        plan.CurrentMode = policy.Mode;
        plan.Version = policy.Version;
        if (policy.IsBase == true)
        {
            return plan.Refuse(AppControlRefusal.ProtectedPolicy, $"{name} is a base policy: removing a base policy takes away the rules its supplemental policies extend (and a signed one needs a signed replacement and a restart first, Microsoft's \"Remove App Control for Business policies\"); it is not done here.");
        }

        if (policy.IsMicrosoftProvided)
        {
            return plan.Refuse(AppControlRefusal.ProtectedPolicy, $"{name} is provided by Microsoft ({policy.Label ?? "a platform policy"}): it is not removed here.");
        }

        if (policy.IsBase is null)
        {
            return plan.Refuse(AppControlRefusal.FactsUnknown, $"Whether {name} is a base or a supplemental policy is not known, so it is not removed: {string.Join(" ", policy.Unknowns)}");
        }

        if (RefuseWithoutCiTool(state, plan))
        {
            return plan;
        }

        string? rollback = null;
        if (!policyFiles.TryGetValue(policyId, out var bytes) || bytes is null)
        {
            if (!options.Force)
            {
                return plan.Refuse(AppControlRefusal.FactsUnknown, FileMissing(policy, "so it cannot be saved before it is removed; -Force removes it without saving it"));
            }

            plan.Warn($"-Force: {name}'s file is not known, so it is not saved first; the removal cannot be undone from a file.");
        }
        else
        {
            rollback = SaveRollbackCopy(plan, options, policyId, policy.Mode, bytes, Stamp(options.Now), $"{name} as it is now: Add-ALApplicationControlSupplementalPolicy -Path deploys it again.");
        }

        plan.Warn($"A policy deployed by another channel (Group Policy, MDM, Azure Local's Add-ASWDACSupplementalPolicy) may be deployed again by it; Microsoft says to stop that channel first. Windows may also keep a removed policy in effect until {state.NodeName} restarts.");
        plan.Add(new AppControlPlanStep(AppControlStepKind.RemovePolicy, $"CiTool removes {name}.")
        {
            PolicyId = policyId,
            Arguments = ["--remove-policy", FileId(policyId), "--json"],
        });
        plan.Add(new AppControlPlanStep(AppControlStepKind.VerifyGone, $"CiTool no longer lists {name} as active.") { PolicyId = policyId });
        plan.UndoCommand = rollback is null ? null : $"Add-ALApplicationControlSupplementalPolicy -Path {Quote(rollback)}";
        return plan;
    }

    /// <summary>
    /// The compiled files of the active policies a bundle holds, by policy id: each <c>{PolicyId}.cip</c> of the Active folder
    /// that was read, and <c>driversipolicy.p7b</c> for Microsoft's driver policy. A file that could not be read is left out
    /// (the plans then say it is not known).
    /// </summary>
    public static IReadOnlyDictionary<Guid, byte[]> PolicyFiles(EvidenceBundle bundle)
    {
        Require(bundle, nameof(bundle));
        var files = new Dictionary<Guid, byte[]>();
        if (bundle.Find(AppControlEvidenceIds.ActivePoliciesFolder) is { Succeeded: true, Records: { } records })
        {
            foreach (var record in records)
            {
                if (record.Get("Name")?.AsString() is not { Length: > 0 } name || name.IndexOfAny(['\\', '/']) >= 0
                    || !string.Equals(Path.GetExtension(name), ".cip", StringComparison.OrdinalIgnoreCase)
                    || !Guid.TryParse(Path.GetFileNameWithoutExtension(name), out var id))
                {
                    continue;
                }

                if (bundle.Find(AppControlEvidenceIds.ActivePolicyFile(name)) is { Succeeded: true } item && item.GetData() is { } data)
                {
                    files[id] = data;
                }
            }
        }

        if (bundle.Find(AppControlEvidenceIds.DriverPolicyFile) is { Succeeded: true } driver && driver.GetData() is { } driverData && !files.ContainsKey(KnownPolicies.DriverPolicy))
        {
            files[KnownPolicies.DriverPolicy] = driverData;
        }

        return files;
    }

    /// <summary>The policy a mode switch is about, or null with the plan refused.</summary>
    private static ActivePolicy? PickBasePolicy(ApplicationControlState state, Guid? policyId, AppControlPlan plan)
    {
        if (policyId is { } id)
        {
            var named = state.Policies.FirstOrDefault(p => p.PolicyId == id);
            if (named is null)
            {
                plan.Refuse(AppControlRefusal.PolicyNotActive, state.InactivePolicies.Any(p => p.PolicyId == id)
                    ? $"Policy {id:B} is listed by CiTool on {state.NodeName} but is not active; only an active policy's mode is switched."
                    : $"No policy {id:B} is active on {state.NodeName}. Active: {List(state.Policies)}.");
            }

            return named;
        }

        var azureLocal = state.Policies.FirstOrDefault(p => p.IsAzureLocalBase && p.PolicyId is not null);
        if (azureLocal is not null)
        {
            return azureLocal;
        }

        var candidates = state.Policies.Where(p => p.IsBase == true && !p.IsMicrosoftProvided && p.PolicyId is not null).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (candidates.Count > 1)
        {
            plan.Refuse(AppControlRefusal.AmbiguousPolicy, $"{candidates.Count} active base policies on {state.NodeName} could be meant: {List(candidates)}; name one with -PolicyId.");
            return null;
        }

        var unknownKind = state.Policies.Where(p => p.IsBase is null && !p.IsMicrosoftProvided && p.PolicyId is not null).ToList();
        plan.Refuse(AppControlRefusal.PolicyNotActive, unknownKind.Count > 0
            ? $"No active policy on {state.NodeName} is known to be a base policy that Microsoft does not provide; these could be, but their kind is not known: {List(unknownKind)}; name one with -PolicyId."
            : $"Neither Azure Local's base policy nor another base policy that Microsoft does not provide is active on {state.NodeName}. Active: {List(state.Policies)}.");
        return null;
    }

    /// <summary>
    /// Whether enforcing may go on: the audit events of the window that the policy (or one of its supplementals, or no named
    /// policy) logged, grouped; any refuse the plan unless -Force, and so does a log that could not be read.
    /// </summary>
    private static bool CheckAuditEvents(ApplicationControlState state, CodeIntegrityEventLog events, ActivePolicy policy, AppControlModeOptions options, AppControlPlan plan)
    {
        var days = options.LookbackDays;
        var name = Name(policy);
        plan.LookbackDays = days;
        if (!events.IsKnown)
        {
            var why = $"the Code Integrity log could not be read ({events.Unknown}), so nothing shows what enforcing {name} would block";
            if (!options.Force)
            {
                plan.Refuse(AppControlRefusal.FactsUnknown, $"Enforcing refused: {why}. Read the node elevated, or use -Force to enforce without that proof.");
                return false;
            }

            plan.Warn($"-Force: {why}.");
            return true;
        }

        if (events.Days is { } read && read < days)
        {
            plan.Warn(string.Format(CultureInfo.InvariantCulture, "The Code Integrity log was read only {0} days back, less than the {1}-day lookback.", read, days));
        }

        if (events.Truncated == true)
        {
            plan.Warn("The capture kept fewer Code Integrity events than the log held, so the oldest of the lookback may be missing.");
        }

        var id = policy.PolicyId!.Value;
        var related = new HashSet<Guid>(state.Policies.Where(p => p.BasePolicyId == id && p.PolicyId is not null).Select(p => p.PolicyId!.Value)) { id };
        var from = options.Now - TimeSpan.FromDays(days);
        var audits = events.Events
            .Where(e => e.IsAudit && (e.TimeCreated is null || e.TimeCreated >= from) && (e.PolicyGuid is null || related.Contains(e.PolicyGuid.Value)))
            .ToList();
        var groups = CodeIntegrityEventGroup.Group(state.NodeName, audits);
        plan.WouldBeBlocked = groups;
        if (groups.Count == 0)
        {
            plan.Note(string.Format(CultureInfo.InvariantCulture, "No audit event (3076, 3034) of {0} in the {1} days before {2:u}: enforcing it blocks nothing that ran then.", name, days, options.Now.UtcDateTime));
            return true;
        }

        var what = string.Format(
            CultureInfo.InvariantCulture,
            "{0} file(s) that ran in audit mode in the {1} days before {2:u} ({3} audit events): {4}",
            groups.Count,
            days,
            options.Now.UtcDateTime,
            groups.Sum(g => g.Count),
            Files(groups));
        if (!options.Force)
        {
            plan.Refuse(AppControlRefusal.WouldBlock, $"Enforcing {name} would block {what}. Allow them with a supplemental policy (Add-ALApplicationControlSupplementalPolicy), look at them with Get-ALCodeIntegrityEvent -Audited, or use -Force to enforce anyway.");
            return false;
        }

        plan.Warn($"-Force: enforcing {name} will block {what}.");
        return true;
    }

    private static string Files(IReadOnlyList<CodeIntegrityEventGroup> groups)
    {
        var named = groups.Take(FilesNamed).Select(g => string.Format(
            CultureInfo.InvariantCulture,
            "{0} ({1}, {2}x, last {3})",
            g.FileDisplayPath ?? g.FilePath ?? g.FileName ?? "(no file name logged)",
            g.Signer ?? "signer not logged",
            g.Count,
            g.LastSeen is { } last ? last.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) : "at an unknown time"));
        var more = groups.Count > FilesNamed ? string.Format(CultureInfo.InvariantCulture, "; and {0} more", groups.Count - FilesNamed) : string.Empty;
        return string.Join("; ", named) + more;
    }

    private static bool? AllowsSupplementals(ActivePolicy policy)
    {
        if (policy.Options.Count > 0)
        {
            return policy.Options.Any(o => o is not null && o.Trim().StartsWith(AllowSupplementalOption, StringComparison.OrdinalIgnoreCase));
        }

        return policy.OptionFlags is { } flags ? (flags & AllowSupplementalFlag) != 0 : null;
    }

    /// <summary>Refuses the plan when the policies were not listed by CiTool, which is what makes the changes.</summary>
    private static bool RefuseWithoutCiTool(ApplicationControlState state, AppControlPlan plan)
    {
        if (state.PolicySource == AppControlAnalyzer.CiToolSource)
        {
            return false;
        }

        var why = state.Unknowns.FirstOrDefault(u => u.IndexOf("CiTool", StringComparison.OrdinalIgnoreCase) >= 0) ?? "CiTool's policy listing could not be read.";
        plan.Refuse(AppControlRefusal.CiToolUnavailable, $"App Control changes are made with CiTool, and {state.NodeName}'s CiTool listing could not be read: {why} On an Azure Local node without CiTool, use Azure Local's own cmdlets (Enable-AsWdacPolicy -Mode, Add-ASWDACSupplementalPolicy).");
        return true;
    }

    private static string SaveRollbackCopy(AppControlPlan plan, AppControlModeOptions options, Guid id, AppControlMode mode, byte[] bytes, string stamp, string reason)
    {
        var path = Join(options.RollbackFolder!, string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2}.cip", FileId(id), stamp, mode));
        plan.Add(new AppControlPlanStep(AppControlStepKind.SaveRollbackCopy, reason, bytes) { Path = path, PolicyId = id });
        plan.RollbackPath = path;
        return path;
    }

    private static void Deploy(AppControlPlan plan, AppControlModeOptions options, Guid id, byte[] bytes, string stamp, string reason)
    {
        var staging = Join(Join(options.StagingFolder!, stamp), FileId(id) + ".cip");
        plan.StagingPath = staging;
        plan.Add(new AppControlPlanStep(AppControlStepKind.WritePolicyFile, reason, bytes) { Path = staging, PolicyId = id });
        plan.Add(new AppControlPlanStep(AppControlStepKind.UpdatePolicy, "CiTool adds or replaces the policy from the staged file.")
        {
            Path = staging,
            PolicyId = id,
            Arguments = ["--update-policy", staging, "--json"],
        });
    }

    private static string Signed(ActivePolicy policy, AppControlMode target) => policy.IsAzureLocalBase
        ? $"{Name(policy)} is signed: its bytes cannot be rewritten here without breaking its signature. Azure Local switches its base policy with Enable-AsWdacPolicy -Mode {target} (on every node)."
        : $"{Name(policy)} is signed: its bytes cannot be rewritten here without breaking its signature. Change \"Enabled:Audit Mode\" in its XML (Set-RuleOption -Option 3{(target == AppControlMode.Enforced ? " -Delete" : string.Empty)}), raise its version, compile it, sign it again with a signer its UpdatePolicySigners allow, and deploy it.";

    private static string FileMissing(ActivePolicy policy, string consequence)
    {
        var file = policy.FileName ?? FileId(policy.PolicyId!.Value) + ".cip";
        var onDisk = policy.HasFileOnDisk == false ? " CiTool says it has no file on disk." : string.Empty;
        var why = policy.Unknowns.Count > 0 ? " " + string.Join(" ", policy.Unknowns) : string.Empty;
        var evidence = file.EndsWith(".cip", StringComparison.OrdinalIgnoreCase) ? AppControlEvidenceIds.ActivePolicyFile(file) : "its file item";
        return $"The compiled file of {Name(policy)} ({file}) is not in the evidence ({evidence}), {consequence}.{onDisk}{why}";
    }

    private static string PoliciesUnknown(ApplicationControlState state) =>
        $"The active App Control policies of {state.NodeName} are not known: {string.Join(" ", state.Unknowns)}";

    private static string List(IEnumerable<ActivePolicy> policies)
    {
        var items = policies.Select(p => $"{p.PolicyId:B} {p.Name ?? "(no name)"} ({p.PolicyType ?? "kind unknown"}, {p.Mode})").ToList();
        return items.Count == 0 ? "none" : string.Join("; ", items);
    }

    private static string Name(ActivePolicy policy) => policy.Name is null ? $"{policy.PolicyId:B}" : $"{policy.Name} {policy.PolicyId:B}";

    private static string Words(AppControlMode mode) => mode switch
    {
        AppControlMode.Audit => "audit",
        AppControlMode.Enforced => "enforced",
        _ => mode.ToString(),
    };

    private static uint OptionFlags(byte[] policy) =>
        (uint)(policy[0x24] | (policy[0x25] << 8) | (policy[0x26] << 16) | (policy[0x27] << 24));

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The policy id as Windows names its files, <c>{A6368F66-E2C9-4AA2-AB79-8743F6597683}</c>.</summary>
    private static string FileId(Guid id) => id.ToString("B").ToUpperInvariant();

    /// <summary>Joins a folder of the node and a name: with a backslash when the folder is written as a Windows path, so a plan made elsewhere shows the node's path.</summary>
    private static string Join(string folder, string name) =>
        folder.IndexOf('\\') >= 0 ? folder.TrimEnd('\\') + "\\" + name : Path.Combine(folder, name);

    private static string Quote(string path) => "'" + path.Replace("'", "''") + "'";

    private static string RestoreCommand(string rollback) => $"Set-ALApplicationControlMode -RollbackPath {Quote(rollback)}";

    private static void CheckOptions(AppControlModeOptions options)
    {
        Require(options, nameof(options));
        if (string.IsNullOrEmpty(options.RollbackFolder))
        {
            throw new ArgumentException("A rollback folder is required: every change saves the policy's file there first.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.StagingFolder))
        {
            throw new ArgumentException("A staging folder is required.", nameof(options));
        }

        if (options.LookbackDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LookbackDays, "The lookback is at least one day.");
        }
    }

    private static void Require(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}
