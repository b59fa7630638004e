using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.AppControl.Policy;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// What the App Control change cmdlets share: the node (live, or -EvidencePath / -Evidence, which give the plan only), the
/// rollback folder, -Force, the plans' output (refusals as errors with their own ids, warnings, notes as verbose), one
/// ShouldProcess per plan, and the plan runner. The live node is refused off Windows before anything is read; it is captured
/// once and again after each change, so a pipeline of changes plans each on the node as the previous one left it.
/// </summary>
public abstract class AppControlChangeCommand : PSCmdlet
{
    /// <summary>The parameter set that changes the live node.</summary>
    protected const string LiveSet = "Live";

    /// <summary>The parameter set that plans for bundles on disk.</summary>
    protected const string PathSet = "EvidencePath";

    /// <summary>The parameter set that plans for imported bundles.</summary>
    protected const string EvidenceSet = "Evidence";

    private EvidenceBundle? _live;
    private List<EvidenceBundle>? _fromPaths;
    private IAppControlExecutor? _executor;

    /// <summary>Bundles (folders or .zip files) to plan for instead of the live node: nothing is changed, the plans are written. Wildcards are expanded.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[] EvidencePath { get; set; } = [];

    /// <summary>Bundles already imported with Import-ALSecurityEvidence; as with -EvidencePath, only the plans are written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EvidenceSet)]
    [ValidateNotNull]
    public EvidenceBundle[] Evidence { get; set; } = [];

    /// <summary>The folder the policy's current file is saved to before the change (created when missing); %ProgramData%\AzureLocalSecurity\AppControl\Rollback by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RollbackFolder { get; set; }

    /// <summary>Goes on where the plan would refuse for lack of proof, with a warning.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Whether this invocation changes the live node (not a bundle).</summary>
    protected bool IsLive => ParameterSetName is not (PathSet or EvidenceSet);

    /// <summary>The compiled policy inspector: the test hook's, else the built-in header reader.</summary>
    protected static ICompiledPolicyInspector Inspector => AppControlTestHooks.Inspector ?? SiPolicyInspector.Instance;

    /// <summary>How many days of Code Integrity events a live capture reads.</summary>
    protected virtual int LiveEventDays => AppControlCollectors.DefaultEventDays;

    /// <summary>Whether this process may take the live path (Windows, or the test hook).</summary>
    private static bool CanChangeLiveNode => AppControlTestHooks.PretendWindows || RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsLive && !CanChangeLiveNode)
        {
            // The same refusal the BitLocker change cmdlets give, before anything is read.
            ThrowTerminatingError(new ErrorRecord(
                new PlatformNotSupportedException($"{MyInvocation.MyCommand.Name} changes a Windows node; run it on the node (for example through Invoke-Command). Use -EvidencePath to see the plan for a captured node."),
                ErrorIds.RepairNeedsWindows,
                ErrorCategory.NotImplemented,
                null));
        }

        ProcessInput();
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        (_executor as IDisposable)?.Dispose();
        _executor = null;
        base.EndProcessing();
    }

    /// <summary>Plans (and, on the live node, makes) the changes of this pipeline record, for each node of <see cref="Nodes"/>.</summary>
    protected abstract void ProcessInput();

    /// <summary>
    /// The nodes to plan for: the bundles given, or the live node, captured when first asked for and again after a change
    /// (so ask for each item of the input).
    /// </summary>
    protected IReadOnlyList<EvidenceBundle> Nodes()
    {
        switch (ParameterSetName)
        {
            case PathSet:
                _fromPaths ??= EvidencePaths.ReadAll(this, EvidencePath, literal: false).ToList();
                return _fromPaths;
            case EvidenceSet:
                return Evidence;
            default:
                if (_live is null)
                {
                    WriteVerbose("Reading the live node.");
                    _live = AppControlTestHooks.LiveBundle?.Invoke()
                        ?? LiveEvidence.Capture(this, null, AppControlCollectors.ForThisMachine(LiveEventDays).Concat(SecuredCoreCollectors.ForThisMachine()));
                }

                return [_live];
        }
    }

    /// <summary>
    /// Reads a compiled policy file the user named (at most <see cref="AppControlEvidenceIds.MaxPolicyFileBytes"/>) and its
    /// facts through <see cref="Inspector"/>; null, after a non-terminating AppControlPolicyFileInvalid error, when it cannot.
    /// </summary>
    protected (byte[] Bytes, CompiledPolicyFacts Facts)? ReadPolicyFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > AppControlEvidenceIds.MaxPolicyFileBytes)
            {
                WriteError(new ErrorRecord(new InvalidDataException($"'{path}' is {info.Length} bytes, larger than any policy ({AppControlEvidenceIds.MaxPolicyFileBytes})."), ErrorIds.AppControlPolicyFileInvalid, ErrorCategory.InvalidData, path));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var category = ex is FileNotFoundException or DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError;
            WriteError(new ErrorRecord(new IOException($"'{path}' could not be read: {ex.Message}", ex), ErrorIds.AppControlPolicyFileInvalid, category, path));
            return null;
        }

        if (SiPolicyFile.IsXml(bytes))
        {
            var compiled = CompileXml(path, bytes);
            if (compiled is null)
            {
                return null;
            }

            bytes = compiled;
        }

        if (!Inspector.TryInspect(bytes, out var facts, out var problem) || facts is null)
        {
            WriteError(new ErrorRecord(new InvalidDataException($"'{path}' is not a compiled App Control policy: {problem}"), ErrorIds.AppControlPolicyFileInvalid, ErrorCategory.InvalidData, path));
            return null;
        }

        return (bytes, facts);
    }

    /// <summary>
    /// Compiles policy XML the user named, as ConvertTo-ALApplicationControlBinary does (its warnings written as warnings): a
    /// policy the validator finds errors in, or one this compiler cannot compile, is a non-terminating error and null.
    /// </summary>
    private byte[]? CompileXml(string path, byte[] content)
    {
        SiPolicyFile policy;
        try
        {
            policy = SiPolicyFile.Read(content, path, validate: true);
        }
        catch (SiPolicyFormatException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.AppControlPolicyInvalid, ErrorCategory.InvalidData, path));
            return null;
        }

        foreach (var warning in policy.ValidationIssues!.Where(i => i.Severity == SiPolicyValidationSeverity.Warning))
        {
            WriteWarning($"{path}: {warning.Code} at {warning.Path}: {warning.Message}");
        }

        var errors = policy.ValidationIssues!.Where(i => i.Severity == SiPolicyValidationSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join(Environment.NewLine, errors.Take(10).Select(e => $"  {e.Code} at {e.Path}: {e.Message}"));
            WriteError(new ErrorRecord(new InvalidDataException($"'{path}' has {errors.Count} validation error(s), so it is not compiled:{Environment.NewLine}{listed}"), ErrorIds.AppControlPolicyValidationFailed, ErrorCategory.InvalidData, path));
            return null;
        }

        try
        {
            WriteVerbose($"Compiling '{path}' ({policy.Name ?? policy.PolicyId}) to a binary policy.");
            return SiPolicyBinaryWriter.Write(policy.Policy);
        }
        catch (SiPolicyFormatException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.AppControlPolicyNotCompilable, ErrorCategory.InvalidData, path));
            return null;
        }
    }

    /// <summary>The options every plan takes: -Force, the folders, and the time the node's facts were read.</summary>
    protected AppControlModeOptions Options(EvidenceBundle bundle, DateTimeOffset? factsReadAt = null)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        return new AppControlModeOptions
        {
            Force = Force,
            Now = factsReadAt ?? bundle.CapturedAt,
            RollbackFolder = RollbackFolder is null ? DefaultRollbackFolder() : IsLive ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(RollbackFolder) : RollbackFolder,
            StagingFolder = IsLive ? Path.Combine(Path.GetTempPath(), "AzureLocalSecurity", "AppControl") : @"%TEMP%\AzureLocalSecurity\AppControl",
        };
    }

    /// <summary>
    /// Writes a plan's warnings, notes and refusal; on the live node confirms it once, runs it and writes the result; for a
    /// bundle writes the plan.
    /// </summary>
    protected void Carry(AppControlPlan plan)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        foreach (var warning in plan.Warnings)
        {
            WriteWarning($"{plan.NodeName}: {warning}");
        }

        foreach (var note in plan.Notes)
        {
            WriteVerbose($"{plan.NodeName}: {note}");
        }

        if (plan.Refusal != AppControlRefusal.None)
        {
            WriteError(RefusalError(plan));
        }

        if (!IsLive)
        {
            // A captured node cannot be changed: the plan, so it can be reviewed before running on the node.
            WriteObject(plan);
            return;
        }

        if (plan.Refusal != AppControlRefusal.None)
        {
            return;
        }

        if (plan.IsEmpty)
        {
            WriteObject(new AppControlChangeResult(plan, []));
            return;
        }

        var target = $"{plan.NodeName} {(plan.PolicyName is null ? string.Empty : plan.PolicyName + " ")}{plan.PolicyId:B}";
        var description = $"{Describe(plan)}: {string.Join("; ", plan.Steps.Select(s => s.ToString()))}";
        if (!ShouldProcess(target, description))
        {
            return;
        }

        _executor ??= AppControlTestHooks.Executor?.Invoke() ?? AppControlExecutorFactory.ForThisMachine(Inspector);
        var outcomes = AppControlPlanRunner.Run(plan, _executor);

        // The node changed (or may have): the next record is planned on a fresh capture.
        _live = null;
        foreach (var outcome in outcomes)
        {
            WriteVerbose($"{plan.NodeName}: {outcome}");
            if (outcome.Result == AppControlStepResult.Failed)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"{target}: {plan.Action} step {outcome.Step.Kind} failed: {outcome.Message}"),
                    ErrorIds.AppControlStepFailed,
                    ErrorCategory.WriteError,
                    plan));
            }
        }

        var result = new AppControlChangeResult(plan, outcomes);
        if (result.UndoCommand is { } undo)
        {
            WriteVerbose($"{plan.NodeName}: to undo: {undo}");
        }

        WriteObject(result);
    }

    /// <summary>The node's App Control state, with what could not be read written as verbose messages.</summary>
    protected ApplicationControlState ReadState(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var state = AppControlAnalyzer.Read(bundle, Inspector);
        foreach (var unknown in state.Unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        return state;
    }

    private static string Describe(AppControlPlan plan) => plan.Action switch
    {
        AppControlChangeAction.SetMode => $"Switch App Control policy to {plan.TargetMode} mode",
        AppControlChangeAction.Restore => "Deploy a saved copy of the App Control policy",
        AppControlChangeAction.AddSupplemental => "Deploy the App Control supplemental policy",
        _ => "Remove the App Control supplemental policy",
    };

    private static ErrorRecord RefusalError(AppControlPlan plan)
    {
        var (id, category) = plan.Refusal switch
        {
            AppControlRefusal.CiToolUnavailable => (ErrorIds.AppControlCiToolUnavailable, ErrorCategory.NotInstalled),
            AppControlRefusal.PolicyNotActive => (ErrorIds.AppControlPolicyNotActive, ErrorCategory.ObjectNotFound),
            AppControlRefusal.AmbiguousPolicy => (ErrorIds.AppControlPolicyAmbiguous, ErrorCategory.InvalidArgument),
            AppControlRefusal.NotBasePolicy => (ErrorIds.AppControlNotBasePolicy, ErrorCategory.InvalidArgument),
            AppControlRefusal.SignedPolicy => (ErrorIds.AppControlPolicySigned, ErrorCategory.SecurityError),
            AppControlRefusal.UnsupportedPolicyFile => (ErrorIds.AppControlUnsupportedPolicyFile, ErrorCategory.InvalidData),
            AppControlRefusal.WouldBlock => (ErrorIds.AppControlWouldBlock, ErrorCategory.OperationStopped),
            AppControlRefusal.NotSupplemental => (ErrorIds.AppControlNotSupplemental, ErrorCategory.InvalidArgument),
            AppControlRefusal.BaseNotActive => (ErrorIds.AppControlBaseNotActive, ErrorCategory.ObjectNotFound),
            AppControlRefusal.SupplementalsNotAllowed => (ErrorIds.AppControlSupplementalsNotAllowed, ErrorCategory.InvalidOperation),
            AppControlRefusal.VersionDowngrade => (ErrorIds.AppControlVersionDowngrade, ErrorCategory.InvalidOperation),
            AppControlRefusal.ProtectedPolicy => (ErrorIds.AppControlPolicyProtected, ErrorCategory.PermissionDenied),
            AppControlRefusal.RollbackMismatch => (ErrorIds.AppControlRollbackMismatch, ErrorCategory.InvalidArgument),
            _ => (ErrorIds.AppControlFactsUnknown, ErrorCategory.ReadError),
        };
        return new ErrorRecord(new InvalidOperationException($"{plan.NodeName}: {plan.Action} refused: {plan.RefusalMessage}"), id, category, plan);
    }

    private string DefaultRollbackFolder() => IsLive
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "AzureLocalSecurity", "AppControl", "Rollback")
        : @"%ProgramData%\AzureLocalSecurity\AppControl\Rollback";
}
