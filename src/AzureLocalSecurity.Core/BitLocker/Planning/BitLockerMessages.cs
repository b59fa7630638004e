namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>Human messages for method return codes: the plan runner's own codes here, every HRESULT from the FVE catalog (<see cref="FveErrors"/>).</summary>
public static class BitLockerMessages
{
    /// <summary>What <paramref name="hresult"/> means and what to do, for error records. Never includes a secret.</summary>
    public static string Describe(uint hresult) => hresult switch
    {
        BitLockerHResults.SFalse => "S_FALSE (1): Group Policy does not permit backing up recovery information to AD DS, so it was not backed up.",
        BitLockerHResults.BackupMismatch => "The backup read back does not match the recovery password; protection was not turned on.",
        BitLockerHResults.BackupNotVerified => "The recovery password backup was not verified, so nothing that protects the volume was run.",
        BitLockerHResults.NoProtector => "No recovery password protector ID was available for this step.",
        BitLockerHResults.DirectoryBackupNotFound => "AD DS holds no recovery object (msFVE-RecoveryInformation) for the protector, so the backup could not be read back; protection was not turned on. It may not have replicated to the domain controller searched yet: run the command again in a few minutes, or back up to a file as well.",
        _ => FveErrors.Describe(hresult).ToString(),
    };
}
