using System.Management.Automation;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>The stable error ids of the module (FullyQualifiedErrorId starts with these). They are a contract: tests assert them.</summary>
internal static class ErrorIds
{
    internal const string EvidenceBundleNotFound = "EvidenceBundleNotFound";
    internal const string EvidenceBundleDamaged = "EvidenceBundleDamaged";
    internal const string EvidenceSchemaUnsupported = "EvidenceSchemaUnsupported";
    internal const string EvidenceBundleUnsafePath = "EvidenceBundleUnsafePath";
    internal const string EvidenceBundleTooLarge = "EvidenceBundleTooLarge";
    internal const string EvidenceBundleExists = "EvidenceBundleExists";
    internal const string EvidenceWriteFailed = "EvidenceWriteFailed";
    internal const string PathNotFound = "PathNotFound";
    internal const string ModuleIntegrityUnreadable = "ModuleIntegrityUnreadable";
    internal const string EvidenceFolderEmpty = "EvidenceFolderEmpty";
    internal const string GpoBackupNotFound = "GpoBackupNotFound";
    internal const string GpoBackupInvalid = "GpoBackupInvalid";
    internal const string BaselineCatalogInvalid = "BaselineCatalogInvalid";
    internal const string BaselineReleaseNotFound = "BaselineReleaseNotFound";
    internal const string SnapshotExists = "BaselineSnapshotExists";
    internal const string SnapshotWriteFailed = "BaselineSnapshotWriteFailed";
    internal const string SnapshotInvalid = "BaselineSnapshotInvalid";
    internal const string UndoFileInvalid = "BaselineUndoFileInvalid";
    internal const string UndoWriteFailed = "BaselineUndoWriteFailed";
    internal const string RepairNeedsWindows = "BaselineRepairNeedsWindows";
    internal const string RepairFailed = "BaselineRepairFailed";
    internal const string SecurityFeatureDriftControlled = "SecurityFeatureDriftControlled";
    internal const string SecurityFeatureBlocked = "SecurityFeatureBlocked";
    internal const string SecurityFeatureNotSwitchable = "SecurityFeatureNotSwitchable";
    internal const string SecurityFeatureFactsUnknown = "SecurityFeatureFactsUnknown";
    internal const string BitLockerNoVolumeSelected = "BitLockerNoVolumeSelected";
    internal const string BitLockerFactsUnavailable = "BitLockerFactsUnavailable";
    internal const string PrivilegedAccessFactsUnavailable = "PrivilegedAccessFactsUnavailable";
    internal const string BitLockerVolumeNotFound = "BitLockerVolumeNotFound";
    internal const string BitLockerStepFailed = "BitLockerStepFailed";
    internal const string BitLockerVolumeLocked = "BitLockerVolumeLocked";
    internal const string BitLockerNoReadyTpm = "BitLockerNoReadyTpm";
    internal const string BitLockerNoBackupDestination = "BitLockerNoBackupDestination";
    internal const string BitLockerNoClusterAccount = "BitLockerNoClusterAccount";
    internal const string BitLockerUnsupportedVolume = "BitLockerUnsupportedVolume";
    internal const string BitLockerWrongConversionState = "BitLockerWrongConversionState";
    internal const string BitLockerNoRecoveryPassword = "BitLockerNoRecoveryPassword";
    internal const string BitLockerNotOwnerNode = "BitLockerNotOwnerNode";
    internal const string BitLockerFactsUnknown = "BitLockerFactsUnknown";
    internal const string BitLockerRecoveryKeyNotInEvidence = "BitLockerRecoveryKeyNotInEvidence";
    internal const string BitLockerRecoveryKeyReadFailed = "BitLockerRecoveryKeyReadFailed";
    internal const string BitLockerNoProtectorFound = "BitLockerNoProtectorFound";
    internal const string TpmEndpointInvalid = "TpmEndpointInvalid";
    internal const string TpmFactsUnavailable = "TpmFactsUnavailable";
    internal const string TpmBankNotAllocated = "TpmBankNotAllocated";
    internal const string TpmBankUnknown = "TpmBankUnknown";
    internal const string VariableStoreInvalid = "FirmwareVariableStoreInvalid";
    internal const string SignatureListInvalid = "SecureBootSignatureListInvalid";
    internal const string SecureBootDatabaseUnavailable = "SecureBootDatabaseUnavailable";
    internal const string AppControlFactsUnavailable = "AppControlFactsUnavailable";
    internal const string CodeIntegrityEventsUnavailable = "CodeIntegrityEventsUnavailable";
    internal const string AppControlPolicyInvalid = "AppControlPolicyInvalid";
    internal const string AppControlPolicyValidationFailed = "AppControlPolicyValidationFailed";
    internal const string AppControlPolicyNotCompilable = "AppControlPolicyNotCompilable";
    internal const string AppControlBinaryExists = "AppControlBinaryExists";
    internal const string AppControlBinaryWriteFailed = "AppControlBinaryWriteFailed";
    internal const string AppControlFactsUnknown = "AppControlFactsUnknown";
    internal const string AppControlCiToolUnavailable = "AppControlCiToolUnavailable";
    internal const string AppControlPolicyNotActive = "AppControlPolicyNotActive";
    internal const string AppControlPolicyAmbiguous = "AppControlPolicyAmbiguous";
    internal const string AppControlNotBasePolicy = "AppControlNotBasePolicy";
    internal const string AppControlPolicySigned = "AppControlPolicySigned";
    internal const string AppControlUnsupportedPolicyFile = "AppControlUnsupportedPolicyFile";
    internal const string AppControlWouldBlock = "AppControlWouldBlock";
    internal const string AppControlNotSupplemental = "AppControlNotSupplemental";
    internal const string AppControlBaseNotActive = "AppControlBaseNotActive";
    internal const string AppControlSupplementalsNotAllowed = "AppControlSupplementalsNotAllowed";
    internal const string AppControlVersionDowngrade = "AppControlVersionDowngrade";
    internal const string AppControlPolicyProtected = "AppControlPolicyProtected";
    internal const string AppControlRollbackMismatch = "AppControlRollbackMismatch";
    internal const string AppControlPolicyFileInvalid = "AppControlPolicyFileInvalid";
    internal const string AppControlStepFailed = "AppControlStepFailed";
    internal const string BootMeasurementLogInvalid = "BootMeasurementLogInvalid";
    internal const string NodeAssessmentFailed = "NodeAssessmentFailed";
    internal const string CredSspRefused = "CredSspRefused";
    internal const string ClusterExpansionFailed = "ClusterExpansionFailed";
    internal const string ReportInputUnsupported = "ReportInputUnsupported";
    internal const string ReportFileExists = "ReportFileExists";
    internal const string ReportWriteFailed = "ReportWriteFailed";
    internal const string ReportFileInvalid = "ReportFileInvalid";
    internal const string ReportSchemaUnsupported = "ReportSchemaUnsupported";
    internal const string ReportFileTooLarge = "ReportFileTooLarge";
    internal const string ReportParameterNotApplicable = "ReportParameterNotApplicable";
    internal const string BootMeasurementLogUnavailable = "BootMeasurementLogUnavailable";
    internal const string TpmQuoteFailed = "TpmQuoteFailed";
    internal const string TpmQuoteInvalid = "TpmQuoteInvalid";
    internal const string TpmNonceInvalid = "TpmNonceInvalid";

    /// <summary>An error record for a bundle that could not be read; the target is the path the user gave.</summary>
    internal static ErrorRecord ForBundle(EvidenceFormatException ex, string path) => ex.Error switch
    {
        EvidenceFormatError.NotFound => new ErrorRecord(ex, EvidenceBundleNotFound, ErrorCategory.ObjectNotFound, path),
        EvidenceFormatError.UnsupportedSchema => new ErrorRecord(ex, EvidenceSchemaUnsupported, ErrorCategory.InvalidData, path),
        EvidenceFormatError.UnsafePath => new ErrorRecord(ex, EvidenceBundleUnsafePath, ErrorCategory.SecurityError, path),
        EvidenceFormatError.TooLarge => new ErrorRecord(ex, EvidenceBundleTooLarge, ErrorCategory.LimitsExceeded, path),
        _ => new ErrorRecord(ex, EvidenceBundleDamaged, ErrorCategory.InvalidData, path),
    };
}
