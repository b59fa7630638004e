using System;
using System.Collections.Generic;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>The folders, time and ids the App Control change tests plan with.</summary>
internal static class AppControlChangeFixtures
{
    internal const string RollbackFolder = @"C:\ProgramData\AzureLocalSecurity\AppControl\Rollback";
    internal const string StagingFolder = @"C:\Users\admin\AppData\Local\Temp\AzureLocalSecurity\AppControl";

    /// <summary>The capture time of the recorded bundles, 2026-11-01 08:30 UTC.</summary>
    internal static string Stamp => "20261101T083000Z";

    internal static string BaseFile => "{A6368F66-E2C9-4AA2-AB79-8743F6597683}";

    internal static string ContosoFile => "{2112036A-74E9-47DC-A016-F126297A3427}";

    internal static AppControlModeOptions Options(bool force = false, int lookbackDays = 7) => new()
    {
        Force = force,
        LookbackDays = lookbackDays,
        Now = Bundles.Time,
        RollbackFolder = RollbackFolder,
        StagingFolder = StagingFolder,
    };

    internal static AppControlPlan SetMode(EvidenceBundle bundle, AppControlMode target, Guid? policyId = null, AppControlModeOptions? options = null) =>
        AppControlPlanner.PlanSetMode(AppControlAnalyzer.Read(bundle), AppControlAnalyzer.ReadEvents(bundle), AppControlPlanner.PolicyFiles(bundle), policyId, target, options ?? Options());

    internal static IReadOnlyDictionary<Guid, byte[]> Files(EvidenceBundle bundle) => AppControlPlanner.PolicyFiles(bundle);
}
