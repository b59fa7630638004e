using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

/// <summary>
/// SupportsShouldProcess and ConfirmImpact of every exported cmdlet, read from the engine that imported the module
/// (<c>Get-Command -Module AzureLocalSecurity</c>: the CmdletInfo's implementing type and the engine's CommandMetadata),
/// against the table below. The table names every cmdlet: a new one fails here until it is classified.
/// </summary>
public sealed class ShouldProcessTests : IClassFixture<ModuleSession>
{
    /// <summary>What a cmdlet does to the world outside the session.</summary>
    private enum Effect
    {
        /// <summary>Reads only (nodes, files, the TPM), and writes nothing but output.</summary>
        Reads,

        /// <summary>Writes a file the admin names (a report, a bundle, a snapshot, a compiled policy).</summary>
        WritesFile,

        /// <summary>Changes a node: its registry, LSA, audit policy, BitLocker, App Control, or a secret's backup.</summary>
        ChangesNode,
    }

    /// <summary>Every exported cmdlet, what it does, and the ConfirmImpact it must declare (null: no ShouldProcess).</summary>
    private static readonly Dictionary<string, (Effect Effect, ConfirmImpact? Impact)> Expected = new(StringComparer.Ordinal)
    {
        // Changes a node (THREAT-MODEL.md B4): High on all but adding a supplemental policy, which only widens what may run.
        ["Backup-ALBitLockerKeyProtector"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Disable-ALBitLocker"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Enable-ALBitLocker"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Resume-ALBitLocker"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Suspend-ALBitLocker"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Disable-ALSecurityFeature"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Enable-ALSecurityFeature"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Repair-ALSecurityBaseline"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Undo-ALSecurityBaselineRepair"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Set-ALApplicationControlMode"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Remove-ALApplicationControlSupplementalPolicy"] = (Effect.ChangesNode, ConfirmImpact.High),
        ["Add-ALApplicationControlSupplementalPolicy"] = (Effect.ChangesNode, ConfirmImpact.Medium),

        // Writes a file the admin names: ShouldProcess at the default impact (Medium).
        ["ConvertTo-ALApplicationControlBinary"] = (Effect.WritesFile, ConfirmImpact.Medium),
        ["Export-ALSecurityEvidence"] = (Effect.WritesFile, ConfirmImpact.Medium),
        ["Export-ALSecurityReport"] = (Effect.WritesFile, ConfirmImpact.Medium),
        ["Save-ALSecurityBaselineSnapshot"] = (Effect.WritesFile, ConfirmImpact.Medium),

        // Reads only.
        ["Compare-ALSecurityBaseline"] = (Effect.Reads, null),
        ["Get-ALApplicationControl"] = (Effect.Reads, null),
        ["Get-ALApplicationControlPolicy"] = (Effect.Reads, null),
        ["Get-ALBitLockerRecoveryKey"] = (Effect.Reads, null),
        ["Get-ALBitLockerVolume"] = (Effect.Reads, null),
        ["Get-ALBootMeasurement"] = (Effect.Reads, null),
        ["Get-ALBootSecurityState"] = (Effect.Reads, null),
        ["Get-ALCodeIntegrityEvent"] = (Effect.Reads, null),
        ["Get-ALEvidenceCollectionScript"] = (Effect.Reads, null),
        ["Get-ALModuleIntegrity"] = (Effect.Reads, null),
        ["Get-ALPrivilegedAccess"] = (Effect.Reads, null),
        ["Get-ALSecureBoot"] = (Effect.Reads, null),
        ["Get-ALSecureBootDatabase"] = (Effect.Reads, null),
        ["Get-ALSecurityBaseline"] = (Effect.Reads, null),
        ["Get-ALSecurityBaselineDrift"] = (Effect.Reads, null),
        ["Get-ALSecurityFeature"] = (Effect.Reads, null),
        ["Get-ALSystemInfo"] = (Effect.Reads, null),
        ["Get-ALTpm"] = (Effect.Reads, null),
        ["Get-ALTpmEndorsementKey"] = (Effect.Reads, null),
        ["Get-ALTpmPcr"] = (Effect.Reads, null),
        ["Get-ALTpmQuote"] = (Effect.Reads, null),
        ["Import-ALSecurityEvidence"] = (Effect.Reads, null),
        ["Import-ALSecurityReport"] = (Effect.Reads, null),
        ["Invoke-ALSecurityAssessment"] = (Effect.WritesFile, ConfirmImpact.Medium),
        ["New-ALSecurityEvidence"] = (Effect.Reads, null),
        ["Test-ALBootIntegrity"] = (Effect.Reads, null),
        ["Test-ALCryptography"] = (Effect.Reads, null),
        ["Test-ALDefender"] = (Effect.Reads, null),
        ["Test-ALPlatform"] = (Effect.Reads, null),
        ["Test-ALPrivilegedAccess"] = (Effect.Reads, null),
        ["Test-ALSecureBootCertificate"] = (Effect.Reads, null),
        ["Test-ALSecuredCore"] = (Effect.Reads, null),
        ["Test-ALSecurityBaseline"] = (Effect.Reads, null),
        ["Test-ALSecurityLogging"] = (Effect.Reads, null),
        ["Test-ALSecurityPosture"] = (Effect.Reads, null),
        ["Test-ALTpmQuote"] = (Effect.Reads, null),
    };

    /// <summary>Verbs that by their meaning change nothing. A cmdlet with any other verb must support ShouldProcess unless it is listed in <see cref="ReadsDespiteItsVerb"/>.</summary>
    private static readonly HashSet<string> ReadingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        VerbsCommon.Get, VerbsDiagnostic.Test, VerbsData.Compare, VerbsCommon.Find, VerbsCommon.Search, VerbsDiagnostic.Measure,
        VerbsDiagnostic.Resolve, VerbsCommon.Show, VerbsCommunications.Read, VerbsCommon.Watch,
    };

    /// <summary>The cmdlets whose verb could mean a change but which only read, and why.</summary>
    private static readonly Dictionary<string, string> ReadsDespiteItsVerb = new(StringComparer.Ordinal)
    {
        ["Import-ALSecurityEvidence"] = "reads bundles into objects",
        ["Import-ALSecurityReport"] = "reads JSON reports into objects",
        ["New-ALSecurityEvidence"] = "builds a bundle in memory from files; Export-ALSecurityEvidence writes it",
    };

    private readonly ModuleSession _session;

    public ShouldProcessTests(ModuleSession session) => _session = session;

    [Fact]
    public void Every_exported_cmdlet_declares_the_ShouldProcess_and_ConfirmImpact_of_the_table()
    {
        var cmdlets = Exported();

        Assert.Equal(Expected.Keys.OrderBy(n => n, StringComparer.Ordinal), cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var cmdlet in cmdlets)
        {
            var (effect, impact) = Expected[cmdlet.Name];
            var declared = cmdlet.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            var metadata = new CommandMetadata(cmdlet);
            Assert.True(declared.SupportsShouldProcess == (effect != Effect.Reads), $"{cmdlet.Name}: SupportsShouldProcess is {declared.SupportsShouldProcess}; it {effect}");
            Assert.Equal(declared.SupportsShouldProcess, metadata.SupportsShouldProcess);
            Assert.Equal(declared.SupportsShouldProcess, cmdlet.Parameters.ContainsKey("WhatIf"));
            Assert.Equal(declared.SupportsShouldProcess, cmdlet.Parameters.ContainsKey("Confirm"));
            if (impact is { } expected)
            {
                Assert.True(expected == declared.ConfirmImpact, $"{cmdlet.Name}: ConfirmImpact is {declared.ConfirmImpact}, not {expected}");
                Assert.Equal(expected, metadata.ConfirmImpact);
            }
        }
    }

    [Fact]
    public void The_node_changing_cmdlets_are_the_eleven_of_High_impact_and_Add_supplemental_of_Medium()
    {
        var changing = Exported().Where(c => Expected[c.Name].Effect == Effect.ChangesNode).ToList();

        var high = changing.Where(c => new CommandMetadata(c).ConfirmImpact == ConfirmImpact.High).Select(c => c.Name).ToList();
        Assert.Equal(11, high.Count);
        var medium = Assert.Single(changing, c => new CommandMetadata(c).ConfirmImpact != ConfirmImpact.High);
        Assert.Equal("Add-ALApplicationControlSupplementalPolicy", medium.Name);
        Assert.Equal(ConfirmImpact.Medium, new CommandMetadata(medium).ConfirmImpact);
    }

    [Fact]
    public void Every_exported_cmdlet_whose_verb_may_change_something_supports_ShouldProcess_unless_it_is_known_to_read()
    {
        var missing = WithoutShouldProcess(Exported(), ReadsDespiteItsVerb.Keys);

        Assert.True(missing.Count == 0, "No ShouldProcess: " + string.Join(", ", missing));
        Assert.All(ReadsDespiteItsVerb.Keys, name => Assert.Contains(name, Exported().Select(c => c.Name)));
    }

    [Fact]
    public void The_verb_rule_names_every_cmdlet_without_ShouldProcess_whose_verb_is_not_a_reading_one()
    {
        // The same rule on the same engine metadata with no cmdlet known to read: it names exactly the four that are.
        var named = WithoutShouldProcess(Exported(), []);

        Assert.Equal(ReadsDespiteItsVerb.Keys.OrderBy(n => n, StringComparer.Ordinal), named.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>The cmdlets of a verb that is not a reading one, without ShouldProcess, and not known to read.</summary>
    private static List<string> WithoutShouldProcess(IEnumerable<CmdletInfo> cmdlets, IEnumerable<string> knownToRead) =>
        cmdlets.Where(c => !ReadingVerbs.Contains(c.Verb) && !knownToRead.Contains(c.Name, StringComparer.Ordinal) && !new CommandMetadata(c).SupportsShouldProcess)
            .Select(c => c.Name)
            .ToList();

    private List<CmdletInfo> Exported()
    {
        var (output, errors) = _session.Run("Get-Command -Module AzureLocalSecurity");
        Assert.Empty(errors);
        var commands = output.Select(o => o.BaseObject).ToList();
        Assert.All(commands, c => Assert.IsType<CmdletInfo>(c));
        return commands.Cast<CmdletInfo>().ToList();
    }
}
