using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.BitLocker;

/// <summary>
/// The return codes of the Win32_EncryptableVolume methods (WINAPI.md §8.3 and the winerror.h FACILITY_FVE codes Microsoft's
/// method pages cite), each with its name and a message a person can act on. Pure: the read side uses it to name a failed
/// method in a bundle, the change side for every method it calls. A code not in the catalog is described as
/// <c>HRESULT 0x...</c>, never guessed.
/// </summary>
public static class FveErrors
{
    /// <summary>S_OK: the method succeeded.</summary>
    public const uint Success = 0;

    /// <summary>S_FALSE (1): from BackupRecoveryInformationToActiveDirectory it means Group Policy does not allow the backup: not backed up.</summary>
    public const uint SFalse = 1;

    /// <summary>FVE_E_LOCKED_VOLUME (0x80310000): the volume is locked.</summary>
    public const uint LockedVolume = 0x80310000;

    /// <summary>FVE_E_NOT_ACTIVATED (0x80310008): BitLocker is not on for the volume.</summary>
    public const uint NotActivated = 0x80310008;

    /// <summary>ERROR_NOT_SUPPORTED as an HRESULT (0x80070032): GetSuspendCount on a volume that is not suspended or not the OS volume.</summary>
    public const uint NotSupported = 0x80070032;

    private static readonly Dictionary<uint, (string Name, string Message)> Catalog = new()
    {
        [Success] = ("S_OK", "The method succeeded."),
        [SFalse] = ("S_FALSE", "Not done: for BackupRecoveryInformationToActiveDirectory, Group Policy does not allow backing BitLocker recovery information up to Active Directory, so nothing was backed up. Allow it in 'Store BitLocker recovery information in Active Directory Domain Services' or back the key up elsewhere."),
        [50] = ("ERROR_NOT_SUPPORTED", "The request is not supported: for GetSuspendCount, the volume is not suspended or is not the operating system volume."),
        [NotSupported] = ("ERROR_NOT_SUPPORTED", "The request is not supported: for GetSuspendCount, the volume is not suspended or is not the operating system volume."),
        [0x80070005] = ("E_ACCESSDENIED", "Access is denied. Run elevated (as an administrator); remote sessions must use packet privacy."),
        // Win32 errors of the CSV maintenance-mode step (clusapi.dll; HRESULT_FROM_WIN32), from the control code's and
        // MS-CMRP 3.1.4.3.1.51's failure lists and OpenClusterResource's page.
        [0x80070001] = ("ERROR_INVALID_FUNCTION", "The cluster resource holds no Cluster Shared Volume, or this cluster does not support CSV maintenance mode: check the resource name (Get-ClusterSharedVolume)."),
        [0x8007007E] = ("ERROR_MOD_NOT_FOUND", "clusapi.dll was not found: the Failover Clustering feature is not installed on this machine, so a CSV cannot be put in maintenance mode from here."),
        [0x800706BA] = ("RPC_S_SERVER_UNAVAILABLE", "The cluster service could not be reached: check that the Cluster service is running on this node (Get-Service ClusSvc)."),
        [0x8007138C] = ("ERROR_RESOURCE_NOT_ONLINE", "The CSV's cluster resource is not online: bring it online (Start-ClusterResource) before changing BitLocker on it."),
        [0x8007138F] = ("ERROR_RESOURCE_NOT_FOUND", "No cluster resource has that name: the CSV's resource may have been renamed; list them with Get-ClusterSharedVolume."),
        [0x80071397] = ("ERROR_HOST_NODE_NOT_RESOURCE_OWNER", "This node does not own the CSV's resource: run the command on the owner node (Get-ClusterSharedVolume shows OwnerNode) or move the CSV here (Move-ClusterSharedVolume)."),
        [0x80070057] = ("E_INVALIDARG", "A parameter is not valid: a key protector ID that does not exist or is of the wrong type, a PCR index out of range, or a value Group Policy does not allow."),
        [0x80284008] = ("TBS_E_SERVICE_NOT_RUNNING", "The TPM Base Services did not find a compatible TPM. Check Get-ALTpm: the TPM must be present, enabled and ready (TPM 2.0 on Azure Local)."),
        [LockedVolume] = ("FVE_E_LOCKED_VOLUME", "The volume is locked: unlock it with its recovery password or key (Unlock-BitLocker) before it can be read or changed."),
        [0x80310001] = ("FVE_E_NOT_ENCRYPTED", "The volume is not encrypted."),
        [0x80310002] = ("FVE_E_NO_TPM_BIOS", "The firmware did not communicate correctly with the TPM. Update the firmware or check the TPM in its setup."),
        [0x80310003] = ("FVE_E_NO_MBR_METRIC", "The firmware did not measure the master boot record. Update the firmware."),
        [0x80310004] = ("FVE_E_NO_BOOTSECTOR_METRIC", "The boot sector was not measured. Check the boot configuration and the firmware."),
        [0x80310005] = ("FVE_E_NO_BOOTMGR_METRIC", "The boot manager was not measured. Check the boot configuration."),
        [0x80310006] = ("FVE_E_WRONG_BOOTMGR", "The boot manager is not the one BitLocker expects. Repair the boot files (bcdboot) and try again."),
        [0x80310007] = ("FVE_E_SECURE_KEY_REQUIRED", "No secure key protector is there: add one (a TPM or a recovery password) before enabling protection."),
        [NotActivated] = ("FVE_E_NOT_ACTIVATED", "BitLocker is not enabled on the volume: add a key protector to enable it."),
        [0x80310009] = ("FVE_E_ACTION_NOT_ALLOWED", "BitLocker cannot do this in the volume's current state (for example while it converts). Wait for the conversion or change the state first."),
        [0x8031000A] = ("FVE_E_AD_SCHEMA_NOT_INSTALLED", "The Active Directory forest's schema has no BitLocker recovery classes. Extend the schema or back the key up elsewhere."),
        [0x8031000B] = ("FVE_E_AD_INVALID_DATATYPE", "Active Directory returned data of the wrong type. Check the domain controller and the schema."),
        [0x8031000C] = ("FVE_E_AD_INVALID_DATASIZE", "Active Directory returned data of the wrong size. Check the domain controller and the schema."),
        [0x8031000D] = ("FVE_E_AD_NO_VALUES", "Active Directory returned no value. Check that the computer object exists and can be read."),
        [0x8031000E] = ("FVE_E_AD_ATTR_NOT_SET", "The Active Directory attribute is not set. Check the computer object's permissions."),
        [0x8031000F] = ("FVE_E_AD_GUID_NOT_FOUND", "The Active Directory object was not found by its GUID. Check the computer account."),
        [0x80310010] = ("FVE_E_BAD_INFORMATION", "The volume's BitLocker metadata is not valid. Check the volume (chkdsk) and keep the recovery password at hand."),
        [0x80310011] = ("FVE_E_TOO_SMALL", "The volume is too small (or has too little free space) for BitLocker."),
        [0x80310012] = ("FVE_E_SYSTEM_VOLUME", "The system (boot) partition cannot be encrypted: it holds the files needed to start Windows."),
        [0x80310013] = ("FVE_E_FAILED_WRONG_FS", "The file system is not supported by BitLocker. Use NTFS, ReFS or FAT."),
        [0x80310014] = ("FVE_E_BAD_PARTITION_SIZE", "The partition size is not valid for BitLocker (the file system is larger than the partition)."),
        [0x80310015] = ("FVE_E_NOT_SUPPORTED", "This operation is not supported on this volume."),
        [0x80310016] = ("FVE_E_BAD_DATA", "The data is not valid."),
        [0x80310017] = ("FVE_E_VOLUME_NOT_BOUND", "Automatic unlocking is not enabled for this data volume."),
        [0x80310018] = ("FVE_E_TPM_NOT_OWNED", "The TPM is not initialized (not owned). Initialize it (Initialize-Tpm) and try again."),
        [0x80310019] = ("FVE_E_NOT_DATA_VOLUME", "The method cannot be run on the operating system volume: it applies to data volumes only."),
        [0x8031001A] = ("FVE_E_AD_INSUFFICIENT_BUFFER", "The buffer for Active Directory data was too small."),
        [0x8031001B] = ("FVE_E_CONV_READ", "A read failed during conversion. Check the disk for errors (chkdsk) and the storage health."),
        [0x8031001C] = ("FVE_E_CONV_WRITE", "A write failed during conversion. Check the disk for errors and the storage health."),
        [0x8031001D] = ("FVE_E_KEY_REQUIRED", "One or more key protectors are required: add one before continuing."),
        [0x8031001E] = ("FVE_E_CLUSTERING_NOT_SUPPORTED", "The cluster configuration does not allow this: for a CSV, put the volume in maintenance mode (or redirected access) as Microsoft documents, and add the cluster name object (SID) protector."),
        [0x8031001F] = ("FVE_E_VOLUME_BOUND_ALREADY", "Automatic unlocking is already enabled for this volume."),
        [0x80310020] = ("FVE_E_OS_NOT_PROTECTED", "The operating system volume is not protected by BitLocker: protect it before enabling automatic unlocking of data volumes."),
        [0x80310021] = ("FVE_E_PROTECTION_DISABLED", "Protection is suspended on the volume: resume it (Resume-BitLocker) first."),
        [0x80310022] = ("FVE_E_RECOVERY_KEY_REQUIRED", "A recovery key protector is required. Add one first."),
        [0x80310023] = ("FVE_E_FOREIGN_VOLUME", "A TPM protector is only for the operating system volume: this is not it."),
        [0x80310024] = ("FVE_E_OVERLAPPED_UPDATE", "The volume's BitLocker metadata was changed by another operation at the same time. Try again."),
        [0x80310027] = ("FVE_E_FAILED_AUTHENTICATION", "The volume cannot be unlocked with the information given: check the recovery password or key."),
        [0x80310028] = ("FVE_E_NOT_OS_VOLUME", "The method applies to the operating system volume only."),
        [0x80310029] = ("FVE_E_AUTOUNLOCK_ENABLED", "Automatic unlocking keys are stored on the OS volume: clear them (ClearAllAutoUnlockKeys, or Clear-BitLockerAutoUnlock) before decrypting it."),
        [0x8031002C] = ("FVE_E_POLICY_PASSWORD_REQUIRED", "Group Policy requires a recovery password protector: add one (ProtectKeyWithNumericalPassword) before encrypting."),
        [0x8031002D] = ("FVE_E_CANNOT_SET_FVEK_ENCRYPTED", "The encryption method cannot be changed once the volume is encrypted: decrypt it first, or keep the method."),
        [0x8031002E] = ("FVE_E_CANNOT_ENCRYPT_NO_KEY", "The volume has no key protector: add one (a TPM on the OS volume, a recovery password) before encrypting."),
        [0x80310031] = ("FVE_E_PROTECTOR_EXISTS", "A protector of this kind already exists (only one TPM protector is allowed): use it, or remove it first."),
        [0x80310033] = ("FVE_E_PROTECTOR_NOT_FOUND", "The key protector was not found on the volume: list the protectors again (their IDs change when they are re-created)."),
        [0x80310035] = ("FVE_E_INVALID_PASSWORD_FORMAT", "The recovery password is not valid: 48 digits in eight groups of six, each group divisible by 11 and at most 720885."),
        [0x80310039] = ("FVE_E_NOT_DECRYPTED", "The volume must be fully decrypted first."),
        [0x8031003A] = ("FVE_E_INVALID_PROTECTOR_TYPE", "The key protector is of the wrong type for this method (AD backup needs a recovery password protector)."),
        [0x8031003B] = ("FVE_E_NO_PROTECTORS_TO_TEST", "There is no protector to test in the hardware test: add a TPM or startup key protector first."),
        [0x8031006C] = ("FVE_E_FIPS_PREVENTS_PASSPHRASE", "The Group Policy setting that requires FIPS compliance prevents passphrases: use another protector."),
        [0x8031006E] = ("FVE_E_INVALID_BITLOCKER_OID", "The BitLocker object identifier (OID) set by Group Policy is not valid."),
        [0x80310080] = ("FVE_E_POLICY_INVALID_PASSPHRASE_LENGTH", "The passphrase does not meet the length Group Policy requires."),
        [0x80310081] = ("FVE_E_POLICY_PASSPHRASE_TOO_SIMPLE", "The passphrase does not meet the complexity Group Policy requires."),
        [0x80310097] = ("FVE_E_CANT_LOCK_AUTOUNLOCK_ENABLED_VOLUME", "The volume cannot be locked while automatic unlocking is enabled for it: disable automatic unlocking first."),
    };

    /// <summary>Every code in the catalog, for listing and tests.</summary>
    public static IEnumerable<uint> KnownCodes => Catalog.Keys;

    /// <summary>The name and message of a return code; for a code not in the catalog, <c>HRESULT 0x...</c> and a message saying it is not known.</summary>
    public static FveErrorDescription Describe(uint hresult)
    {
        if (Catalog.TryGetValue(hresult, out var entry))
        {
            return new FveErrorDescription(hresult, entry.Name, entry.Message, isKnown: true);
        }

        var hex = "0x" + hresult.ToString("X8", CultureInfo.InvariantCulture);
        return new FveErrorDescription(hresult, "HRESULT " + hex, $"HRESULT {hex}: a return code this module does not know; look it up in winerror.h or with 'certutil -error {hex}'.", isKnown: false);
    }

    /// <summary>How a failed method's code is written into evidence: <c>0x80310000 FVE_E_LOCKED_VOLUME</c> (the hex code alone for an unknown one).</summary>
    public static string ToEvidenceText(uint hresult)
    {
        var description = Describe(hresult);
        return description.IsKnown ? description.HexCode + " " + description.Name : description.HexCode;
    }

    /// <summary>Reads the code back from <see cref="ToEvidenceText"/>'s text (its first word, <c>0x</c> and hex digits); false for any other text.</summary>
    public static bool TryParseEvidenceText(string? text, out uint hresult)
    {
        hresult = 0;
        if (text is null || !text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var end = text.IndexOf(' ');
        var digits = end < 0 ? text.Substring(2) : text.Substring(2, end - 2);
        return digits.Length is > 0 and <= 8 && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hresult);
    }
}
