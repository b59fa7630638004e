using System;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Rollover;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Checks where a node stands in the 2026 Secure Boot certificate rollover: the stage (0, 1, 2) and one result per requirement (KEK 2023, the 2023 CAs in db, the 2023-signed boot manager, PCA 2011 revoked, SVN, Windows' servicing state and events, each certificate's expiry), each with the next step.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALSecureBootCertificate", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult), typeof(SecureBootCertificateSummary))]
public sealed class TestALSecureBootCertificateCommand : SecureBootAnalysisCommand
{
    /// <summary>The date certificates' expiry is judged against (default: now). A date without a time zone is taken as local time.</summary>
    [Parameter]
    public DateTime AsOf { get; set; }

    /// <summary>Writes one summary per node (the stage, counts, the next step, and the results in its Results property) instead of the results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf : DateTime.UtcNow;
        var summary = SecureBootCertificateAnalyzer.Evaluate(bundle, asOf);
        WriteVerbose($"{summary.ComputerName}: {summary.StageDescription}");
        if (Summary)
        {
            WriteObject(summary);
            return;
        }

        WriteEach(summary.Results);
    }
}
