#
# Module manifest for AzureLocalSecurity.
# ModuleVersion is stamped from VersionPrefix in Directory.Build.props by the build: do not edit it by hand.
#
@{
    RootModule             = 'AzureLocalSecurity.psm1'
    ModuleVersion = '0.1.0'
    GUID                   = '5f1c7d2e-8a43-4c6b-9e1f-3b2a7c9d4e61'
    Author                 = 'AzureLocalSecurity contributors'
    CompanyName            = 'AzureLocalSecurity contributors'
    Copyright              = 'Copyright (c) AzureLocalSecurity contributors'
    Description            = 'Audit, prove and safely change the security posture of Azure Local (Azure Stack HCI) nodes and clusters: security baseline and drift, Secured-core, Secure Boot, BitLocker, App Control, measured boot. Every verdict carries its evidence, and any analysis can run from an evidence bundle on any machine.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('module/AzureLocalSecurity.Format.ps1xml')
    CmdletsToExport        = @(
        'Add-ALApplicationControlSupplementalPolicy'
        'Backup-ALBitLockerKeyProtector'
        'Compare-ALSecurityBaseline'
        'ConvertTo-ALApplicationControlBinary'
        'Disable-ALBitLocker'
        'Disable-ALSecurityFeature'
        'Enable-ALBitLocker'
        'Enable-ALSecurityFeature'
        'Export-ALSecurityEvidence'
        'Export-ALSecurityReport'
        'Get-ALApplicationControl'
        'Get-ALApplicationControlPolicy'
        'Get-ALBitLockerRecoveryKey'
        'Get-ALBitLockerVolume'
        'Get-ALBootMeasurement'
        'Get-ALBootSecurityState'
        'Get-ALCodeIntegrityEvent'
        'Get-ALEvidenceCollectionScript'
        'Get-ALModuleIntegrity'
        'Get-ALPrivilegedAccess'
        'Get-ALSecureBoot'
        'Get-ALSecureBootDatabase'
        'Get-ALSecurityBaseline'
        'Get-ALSecurityBaselineDrift'
        'Get-ALSecurityFeature'
        'Get-ALSystemInfo'
        'Get-ALTpm'
        'Get-ALTpmEndorsementKey'
        'Get-ALTpmPcr'
        'Get-ALTpmQuote'
        'Import-ALSecurityEvidence'
        'Import-ALSecurityReport'
        'Invoke-ALSecurityAssessment'
        'New-ALSecurityEvidence'
        'Remove-ALApplicationControlSupplementalPolicy'
        'Repair-ALSecurityBaseline'
        'Resume-ALBitLocker'
        'Save-ALSecurityBaselineSnapshot'
        'Set-ALApplicationControlMode'
        'Suspend-ALBitLocker'
        'Test-ALBootIntegrity'
        'Test-ALCryptography'
        'Test-ALDefender'
        'Test-ALPlatform'
        'Test-ALPrivilegedAccess'
        'Test-ALSecureBootCertificate'
        'Test-ALSecuredCore'
        'Test-ALSecurityBaseline'
        'Test-ALSecurityLogging'
        'Test-ALSecurityPosture'
        'Test-ALTpmQuote'
        'Undo-ALSecurityBaselineRepair'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('AzureLocal', 'AzureStackHCI', 'Security', 'Baseline', 'SecuredCore', 'SecureBoot', 'BitLocker', 'WDAC', 'AppControl', 'TPM', 'Compliance', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux')
            ProjectUri   = 'https://github.com/AzureLocalSecurity/AzureLocalSecurity'
            LicenseUri   = 'https://github.com/AzureLocalSecurity/AzureLocalSecurity/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/AzureLocalSecurity/AzureLocalSecurity/blob/main/CHANGELOG.md'
        }
    }
}
