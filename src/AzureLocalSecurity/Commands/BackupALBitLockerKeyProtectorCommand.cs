using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Backs up volumes' recovery passwords to a protected file or to AD DS, and verifies each backup.</para>
/// </summary>
[Cmdlet(VerbsData.Backup, "ALBitLockerKeyProtector", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BitLockerChangeResult), typeof(BitLockerPlan))]
public sealed class BackupALBitLockerKeyProtectorCommand : BitLockerChangeCommand
{
    /// <summary>File or ActiveDirectory.</summary>
    [Parameter(Mandatory = true)]
    public BitLockerBackupDestination Destination { get; set; }

    /// <summary>For File, the folder the backup files are written to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <inheritdoc />
    protected override BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle) =>
        BitLockerPlanner.PlanBackup(volume, Destination, Path is null ? null : GetUnresolvedProviderPathFromPSPath(Path));
}
