namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>Why a BitLocker plan was refused.</summary>
public enum BitLockerRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The volume is locked: nothing can be changed until it is unlocked.</summary>
    Locked,

    /// <summary>The OS volume needs a TPM protector and the node has no ready TPM (or its readiness could not be read).</summary>
    NoReadyTpm,

    /// <summary>A new recovery password would have no backup destination (file or AD DS) and -Force was not given.</summary>
    NoBackupDestination,

    /// <summary>A CSV needs the cluster name object's SID protector and no account was given or known.</summary>
    NoClusterAccount,

    /// <summary>A fact the plan depends on could not be read.</summary>
    FactsUnknown,

    /// <summary>The volume kind is not one this module changes (removable or unknown).</summary>
    UnsupportedVolume,

    /// <summary>The volume is decrypting (or paused decrypting), or not encrypted where the action needs it encrypted.</summary>
    WrongConversionState,

    /// <summary>A backup was asked for a volume with no recovery password protector.</summary>
    NoRecoveryPassword,

    /// <summary>A CSV is owned by another node; BitLocker changes run on the owner.</summary>
    NotOwnerNode,
}
