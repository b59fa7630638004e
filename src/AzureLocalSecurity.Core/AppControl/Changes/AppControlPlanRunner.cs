using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// Runs an App Control plan's steps in order through an <see cref="IAppControlExecutor"/> and stops at the first failure. The
/// undo is enforced here, not only in the plan's order: no CiTool step runs before every SaveRollbackCopy step of the plan has
/// succeeded, so the policy is never changed without its saved copy.
/// </summary>
public static class AppControlPlanRunner
{
    /// <summary>Runs <paramref name="plan"/>; returns one outcome per step.</summary>
    public static IReadOnlyList<AppControlStepOutcome> Run(AppControlPlan plan, IAppControlExecutor executor)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (executor is null)
        {
            throw new ArgumentNullException(nameof(executor));
        }

        if (plan.Refusal != AppControlRefusal.None)
        {
            throw new InvalidOperationException($"A refused plan cannot run: {plan.RefusalMessage}");
        }

        var copies = plan.Steps.Count(s => s.Kind == AppControlStepKind.SaveRollbackCopy);
        var saved = 0;
        var failed = false;
        var outcomes = new List<AppControlStepOutcome>();
        foreach (var step in plan.Steps)
        {
            if (failed)
            {
                outcomes.Add(new AppControlStepOutcome(step, AppControlStepResult.NotRun, null));
                continue;
            }

            AppControlStepOutcome outcome;
            if (step.Kind is AppControlStepKind.UpdatePolicy or AppControlStepKind.RemovePolicy && saved < copies)
            {
                outcome = new AppControlStepOutcome(step, AppControlStepResult.Failed, "The rollback copy was not saved, so the policy is not changed.");
            }
            else
            {
                try
                {
                    outcome = RunStep(step, executor);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    outcome = new AppControlStepOutcome(step, AppControlStepResult.Failed, $"{ex.GetType().Name}: {ex.Message}");
                }
            }

            if (step.Kind == AppControlStepKind.SaveRollbackCopy && outcome.Result == AppControlStepResult.Succeeded)
            {
                saved++;
            }

            outcomes.Add(outcome);
            failed = outcome.Result == AppControlStepResult.Failed;
        }

        return outcomes;
    }

    private static AppControlStepOutcome RunStep(AppControlPlanStep step, IAppControlExecutor executor)
    {
        switch (step.Kind)
        {
            case AppControlStepKind.SaveRollbackCopy:
            case AppControlStepKind.WritePolicyFile:
                executor.WriteFile(step.Path!, step.Content!);
                return new AppControlStepOutcome(step, AppControlStepResult.Succeeded, null);
            case AppControlStepKind.UpdatePolicy:
            case AppControlStepKind.RemovePolicy:
            {
                var run = executor.RunCiTool(step.Arguments);
                var ok = CiToolChangeOutput.Succeeded(run, out var message);
                return new AppControlStepOutcome(step, ok ? AppControlStepResult.Succeeded : AppControlStepResult.Failed, message, run.ExitCode);
            }

            case AppControlStepKind.VerifyMode:
            case AppControlStepKind.VerifyActive:
            case AppControlStepKind.VerifyGone:
                return Verify(step, executor.ReadState());
            default:
                throw new InvalidOperationException($"Unknown step {step.Kind}.");
        }
    }

    private static AppControlStepOutcome Verify(AppControlPlanStep step, ApplicationControlState state)
    {
        if (state is null || !state.PoliciesKnown)
        {
            return Failed(step, "The node's policies could not be read again: " + (state is null ? "no state" : string.Join(" ", state.Unknowns)));
        }

        var policy = state.Policies.FirstOrDefault(p => p.PolicyId == step.PolicyId);
        if (step.Kind == AppControlStepKind.VerifyGone)
        {
            return policy is null
                ? Succeeded(step, $"{step.PolicyId:B} is no longer active.")
                : Failed(step, $"{step.PolicyId:B} is still listed as active; a restart of the node may be needed to finish the removal.");
        }

        if (policy is null)
        {
            var inactive = state.InactivePolicies.Any(p => p.PolicyId == step.PolicyId) ? " (CiTool lists it, but not as active)" : string.Empty;
            return Failed(step, $"{step.PolicyId:B} is not active after the update{inactive}.");
        }

        if (step.ExpectedVersion is { } version && policy.Version is { } actual && actual != version)
        {
            return Failed(step, $"{step.PolicyId:B} is active with version {actual}, not {version}.");
        }

        if (step.ExpectedMode is { } mode && policy.Mode != mode)
        {
            return Failed(step, string.Format(
                CultureInfo.InvariantCulture,
                "{0:B} is active in {1} mode ({2}), not {3}; the new mode may apply only after a restart.",
                step.PolicyId,
                policy.Mode,
                policy.ModeSource ?? "mode source unknown",
                mode));
        }

        return Succeeded(step, string.Format(CultureInfo.InvariantCulture, "{0:B} is active{1}, {2} mode ({3}).", step.PolicyId, policy.Version is null ? string.Empty : " with version " + policy.Version, policy.Mode, policy.ModeSource));
    }

    private static AppControlStepOutcome Succeeded(AppControlPlanStep step, string message) => new(step, AppControlStepResult.Succeeded, message);

    private static AppControlStepOutcome Failed(AppControlPlanStep step, string message) => new(step, AppControlStepResult.Failed, message);
}
