using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The Secure Boot cmdlets' shared shape: the live node's UEFI variables, evidence bundles, or firmware variable store
/// images (<c>-VariableStorePath</c>: a VM's OVMF_VARS.fd or another edk2 NVRAM file), audited the same way.
/// </summary>
public abstract class SecureBootAnalysisCommand : EvidenceAnalysisCommand
{
    /// <summary>The parameter set that reads NVRAM files.</summary>
    protected const string VariableStoreSet = "VariableStore";

    /// <summary>Firmware variable store images (edk2/OVMF NVRAM files, such as a VM's OVMF_VARS.fd) to read instead of the live node.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VariableStoreSet)]
    [ValidateNotNullOrEmpty]
    public string[] VariableStorePath { get; set; } = [];

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => SecureBootCollectors.ForThisMachine();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName != VariableStoreSet)
        {
            base.ProcessRecord();
            return;
        }

        foreach (var path in VariableStorePath)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                try
                {
                    Analyze(FirmwareVariableStoreBundle.FromFile(resolved, DateTimeOffset.UtcNow));
                }
                catch (FirmwareVariableStoreException ex)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.VariableStoreInvalid, ErrorCategory.InvalidData, path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ReadError, path));
                }
            }
        }
    }
}
