using System.Globalization;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>Human messages for method return codes. ONE seam: at merge it answers from the read side's FVE catalog (FveErrors.Describe).</summary>
public static class BitLockerMessages
{
    /// <summary>What <paramref name="hresult"/> means and what to do, for error records. Never includes a secret.</summary>
    public static string Describe(uint hresult) => hresult switch
    {
        BitLockerHResults.SFalse => "S_FALSE (1): Group Policy does not permit backing up recovery information to AD DS, so it was not backed up.",
        BitLockerHResults.LockedVolume => "FVE_E_LOCKED_VOLUME (0x80310000): the volume is locked; unlock it first.",
        BitLockerHResults.ProtectorExists => "FVE_E_PROTECTOR_EXISTS (0x80310031): the volume already has a protector of this kind (only one TPM protector is allowed).",
        BitLockerHResults.BackupMismatch => "The backup read back does not match the recovery password; protection was not turned on.",
        BitLockerHResults.BackupNotVerified => "The recovery password backup was not verified, so nothing that protects the volume was run.",
        BitLockerHResults.NoProtector => "No recovery password protector ID was available for this step.",
        _ => "0x" + hresult.ToString("X8", CultureInfo.InvariantCulture),
    };
}
