#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests of the module surface, for users with pwsh or Windows PowerShell 5.1 and for Windows CI.
# Run with: ./build.ps1 -Task Test   (after ./build.ps1 -Task Build)

BeforeAll {
    $repo = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
    Import-Module (Join-Path $repo 'AzureLocalSecurity.psd1') -Force -ErrorAction Stop
    $bundleRoot = Join-Path ([System.IO.Path]::GetTempPath()) ("alsec-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $bundleRoot | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $bundleRoot -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'AzureLocalSecurity module' {
    It 'loads the build that matches this PowerShell edition' {
        $edition = if ($PSVersionTable.PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }
        $assembly = (Get-Command Get-ALSystemInfo).ImplementingType.Assembly.Location
        $assembly | Should -Match ([regex]::Escape([System.IO.Path]::Combine('bin', $edition)))
    }

    It 'exports only approved-verb AL cmdlets' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module AzureLocalSecurity) {
            $command.CommandType | Should -Be 'Cmdlet'
            $command.Verb | Should -BeIn $approved
            $command.Noun | Should -BeLike 'AL*'
        }
    }

    It 'has help with an example for <_>' -ForEach @((Get-Command -Module AzureLocalSecurity).Name) {
        $help = Get-Help -Name $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }
}

Describe 'Evidence round trip' {
    It 'exports the live node and analyzes the bundle like the node' {
        $path = Join-Path $bundleRoot 'live.zip'
        $bundle = Export-ALSecurityEvidence -Path $path -PassThru
        $bundle.Items.Count | Should -BeGreaterThan 0
        Test-Path -LiteralPath $path | Should -BeTrue

        $live = Get-ALSystemInfo
        $fromBundle = Get-ALSystemInfo -EvidencePath $path
        $fromBundle.OsName | Should -Be $live.OsName
        $fromBundle.FirmwareType | Should -Be $live.FirmwareType
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $bundleRoot 'whatif.zip'
        Export-ALSecurityEvidence -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'reports a damaged bundle with a stable error id and goes on' {
        $bad = Join-Path $bundleRoot 'bad.zip'
        [System.IO.File]::WriteAllBytes($bad, [byte[]](80, 75, 3, 4, 0, 0))
        $result = Import-ALSecurityEvidence -Path $bad -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'EvidenceBundleDamaged,*'
    }
}

Describe 'Test-ALPlatform' {
    It 'returns one result per platform check with a status' {
        $results = Test-ALPlatform
        $results.Id | Should -Be @('ALSEC-PLAT-001', 'ALSEC-PLAT-002')
        foreach ($r in $results) {
            $r.Status | Should -BeIn @('Compliant', 'NonCompliant', 'NotApplicable', 'Unknown', 'Error')
            if ($r.Status -in 'Unknown', 'Error') { $r.Reason | Should -Not -BeNullOrEmpty }
        }
    }
}

# Windows only (Get-Tpm is the in-box reference); run elevated, as TBS and Win32_Tpm need.
if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    Describe 'TPM on a Windows node' {
        It 'agrees with Get-Tpm on presence and, where there is a TPM, on the manufacturer' {
            $ours = Get-ALTpm
            $theirs = Get-Tpm
            $ours.Present | Should -Be $theirs.TpmPresent
            if ($theirs.TpmPresent) {
                $ours.ManufacturerId | Should -Be $theirs.ManufacturerIdTxt.Trim()
                $ours.TpmVersion | Should -Be '2.0'
                $ours.Owned | Should -Be $theirs.TpmOwned
            }
        }

        It 'keeps PCR 7 in the evidence as the TPM reads it, or says why there is none' {
            $path = Join-Path $bundleRoot 'tpm.zip'
            Export-ALSecurityEvidence -Path $path
            if ((Get-Tpm).TpmPresent) {
                $live = Get-ALTpmPcr -Bank sha256 -Index 7
                $live.Value | Should -Match '^[0-9A-F]{64}$'
                (Get-ALTpmPcr -EvidencePath $path -Bank sha256 -Index 7).Value | Should -Be $live.Value
            }
            else {
                Get-ALTpmPcr -EvidencePath $path -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
                $err[0].FullyQualifiedErrorId | Should -BeLike 'TpmFactsUnavailable,*'
            }
        }
    }

    # Microsoft's own checks (Confirm-SecureBootUEFI, Get-SecureBootUEFI; ASD manage-secure-boot-updates) as the reference.
    Describe 'Secure Boot rollover on a Windows node' {
        BeforeAll {
            $uefi = $true
            try { $null = Confirm-SecureBootUEFI -ErrorAction Stop } catch [System.PlatformNotSupportedException] { $uefi = $false }
        }

        It 'agrees with Confirm-SecureBootUEFI' {
            if ($uefi) { (Get-ALSecureBoot).SecureBootEnabled | Should -Be (Confirm-SecureBootUEFI) }
            else { (Get-ALSecureBoot).FirmwareType | Should -Be 'Bios' }
        }

        It 'finds the Windows UEFI CA 2023 in db exactly when Get-SecureBootUEFI db names it (a BIOS node: not applicable)' {
            if (-not $uefi) {
                Test-ALSecureBootCertificate | ForEach-Object { $_.Status | Should -Be 'NotApplicable' }
                return
            }

            $inDb = [Text.Encoding]::ASCII.GetString((Get-SecureBootUEFI db).Bytes) -match 'Windows UEFI CA 2023'
            $result = Test-ALSecureBootCertificate | Where-Object Id -eq 'ALSEC-SB-003'
            $result.Status | Should -Be $(if ($inDb) { 'Compliant' } else { 'NonCompliant' })
        }

        It 'reads the boot manager from the EFI system partition, or says why not' {
            $result = Test-ALSecureBootCertificate | Where-Object Id -eq 'ALSEC-SB-006'
            $result.Status | Should -BeIn @('Compliant', 'NonCompliant', 'Unknown', 'NotApplicable')
            if ($result.Source -like 'file \\?\GLOBALROOT*') { $result.Actual | Should -Match 'bootmgfw.efi (signed by|not signed)' }
            else { $result.Reason | Should -Not -BeNullOrEmpty }
        }
    }

    # Windows' own Device Guard provider (Get-CimInstance) as the reference for what is running.
    Describe 'Secured-core on a Windows node' {
        It 'agrees with Win32_DeviceGuard on VBS and on each running service, or says the provider is missing' {
            $detailed = Test-ALSecuredCore -Detailed
            $dg = Get-CimInstance -Namespace root/Microsoft/Windows/DeviceGuard -ClassName Win32_DeviceGuard -ErrorAction SilentlyContinue
            if ($null -eq $dg) {
                ($detailed | Where-Object Id -eq 'ALSEC-SC-005').Status | Should -Be 'Unknown'
                return
            }

            ($detailed | Where-Object Id -eq 'ALSEC-SC-003').Status | Should -Be $(if ($dg.VirtualizationBasedSecurityStatus -eq 2) { 'Compliant' } else { 'NonCompliant' })
            foreach ($pair in @(@('ALSEC-SC-005', 1), @('ALSEC-SC-004', 2), @('ALSEC-SC-006', 3))) {
                $expected = if ($dg.SecurityServicesRunning -contains $pair[1]) { 'Compliant' } else { 'NonCompliant' }
                ($detailed | Where-Object Id -eq $pair[0]).Status | Should -Be $expected
            }
        }

        It 'summarizes the same results it details' {
            $summary = Test-ALSecuredCore
            $summary.Compliant | Should -Be @(Test-ALSecuredCore -Detailed | Where-Object Status -eq 'Compliant').Count
        }
    }

    Describe 'Security features on a Windows node' {
        It 'agrees with Get-SmbServerConfiguration and Get-SmbClientConfiguration on SMB signing' {
            $state = Get-ALSecurityFeature -Name SMBSigning
            $required = (Get-SmbServerConfiguration).RequireSecuritySignature -and (Get-SmbClientConfiguration).RequireSecuritySignature
            $state.Configured | Should -Be $required
        }

        It 'plans a switch without changing anything under -WhatIf' {
            $before = Get-ALSecurityFeature -Name HVCI
            Enable-ALSecurityFeature -Name HVCI -WhatIf
            (Get-ALSecurityFeature -Name HVCI).Configured | Should -Be $before.Configured
        }
    }

    Describe 'BitLocker on a Windows node' {
        BeforeAll {
            $builtIn = @(Get-BitLockerVolume -ErrorAction SilentlyContinue)
            $ours = @(Get-ALBitLockerVolume)
        }

        It 'agrees with Get-BitLockerVolume on each volume''s status, method, protection and protector IDs' {
            foreach ($v in $builtIn) {
                $mine = $ours | Where-Object { $_.MountPoint.TrimEnd('\') -eq $v.MountPoint.TrimEnd('\') }
                $mine | Should -Not -BeNullOrEmpty -Because "Get-BitLockerVolume lists $($v.MountPoint)"
                "$($mine.ConversionStatus)" | Should -Be "$($v.VolumeStatus)"
                if ($v.VolumeStatus -ne 'FullyDecrypted') { "$($mine.EncryptionMethod)" | Should -Be "$($v.EncryptionMethod)" }
                $mine.ProtectionOn | Should -Be ($v.ProtectionStatus -eq 'On')
                @($mine.KeyProtectors.Id | Sort-Object) | Should -Be @($v.KeyProtector.KeyProtectorId | Sort-Object)
            }
        }

        It 'writes no recovery password into any stream' {
            $passwords = @($builtIn.KeyProtector | Where-Object KeyProtectorType -eq 'RecoveryPassword' | ForEach-Object RecoveryPassword)
            $text = Get-ALBitLockerVolume -Verbose -Debug 4>&1 5>&1 2>&1 3>&1 6>&1 | Out-String
            $text += Get-ALBitLockerRecoveryKey -ErrorAction SilentlyContinue 2>&1 3>&1 | Out-String
            foreach ($p in $passwords) { $text | Should -Not -Match ([regex]::Escape($p)) }
        }

        It 'plans an enable without changing anything under -WhatIf' {
            $before = Get-ALBitLockerVolume
            Enable-ALBitLocker -VolumeType Data -RecoveryKeyPath $TestDrive -WhatIf
            (Get-ALBitLockerVolume).KeyProtectors.Count | Should -Be $before.KeyProtectors.Count
            @(Get-ChildItem $TestDrive).Count | Should -Be 0
        }
    }

    # CiTool and Win32_DeviceGuard as the reference, and Azure Local's own Get-ASLocalWDACPolicyInfo where the node has it.
    # CiTool and the Code Integrity log need an elevated session.
    Describe 'App Control on a Windows node' {
        BeforeAll {
            $ciTool = Join-Path $env:windir 'System32\CiTool.exe'
        }

        It 'agrees with Win32_DeviceGuard on the node mode, or says why not' {
            $state = Get-ALApplicationControl -Summary
            $dg = Get-CimInstance -Namespace root/Microsoft/Windows/DeviceGuard -ClassName Win32_DeviceGuard -ErrorAction SilentlyContinue
            if ($null -eq $dg -or $null -eq $dg.UsermodeCodeIntegrityPolicyEnforcementStatus) {
                $state.Unknowns | Should -Not -BeNullOrEmpty
                return
            }

            $state.Mode.ToString() | Should -Be (@('Off', 'Audit', 'Enforced')[[int]$dg.UsermodeCodeIntegrityPolicyEnforcementStatus])
        }

        It 'lists exactly the policies CiTool lists as enforced, or says CiTool is not there' {
            if (-not (Test-Path $ciTool)) {
                (Get-ALApplicationControl -Summary).Unknowns -join ' ' | Should -BeLike '*CiTool.exe is not at*'
                return
            }

            $listed = @((& $ciTool --list-policies --json | ConvertFrom-Json).Policies | Where-Object { $_.IsEnforced -eq 'True' })
            $ours = @(Get-ALApplicationControl)
            @($ours | ForEach-Object { $_.PolicyId.ToString() } | Sort-Object) | Should -Be @($listed | ForEach-Object { ([guid]$_.PolicyID).ToString() } | Sort-Object)
        }

        It 'agrees with Get-ASLocalWDACPolicyInfo on each policy Azure Local reports (elsewhere: no Azure Local base policy)' {
            $ours = @(Get-ALApplicationControl)
            if (-not (Get-Command Get-ASLocalWDACPolicyInfo -ErrorAction SilentlyContinue)) {
                @($ours | Where-Object IsAzureLocalBase).Count | Should -Be 0
                return
            }

            foreach ($info in Get-ASLocalWDACPolicyInfo) {
                $policy = $ours | Where-Object { $_.PolicyId -eq [guid]$info.PolicyGuid }
                $policy | Should -Not -BeNullOrEmpty
                $policy.Mode.ToString() | Should -Be "$($info.PolicyMode)"
                $policy.IsMicrosoftProvided | Should -Be ([bool]::Parse("$($info.MicrosoftProvided)"))
            }
        }

        It 'reads the Code Integrity log into its kinds of event, or says why not' {
            $events = @(Get-ALCodeIntegrityEvent -Raw -ErrorVariable err -ErrorAction SilentlyContinue)
            if ($err) {
                $err[0].FullyQualifiedErrorId | Should -BeLike 'CodeIntegrityEventsUnavailable,*'
                return
            }

            $events | ForEach-Object { $_.EventId | Should -BeIn @(3033, 3034, 3076, 3077, 3089, 3099) }
        }
    }

    # Needs WinRM on this machine (Enable-PSRemoting) and an elevated administrator: the only place the real
    # Invoke-Command path runs, since the xunit tests replace remoting with local runspaces.
    Describe 'Invoke-ALSecurityAssessment over remoting to this machine' {
        BeforeAll {
            $wsman = Test-WSMan -ComputerName localhost -ErrorAction SilentlyContinue
        }

        It 'assesses localhost and tags every result with this node, and localhost as PSComputerName' {
            if ($null -eq $wsman) { Set-ItResult -Inconclusive -Because 'WinRM does not answer on localhost (Enable-PSRemoting)'; return }
            $results = @(Invoke-ALSecurityAssessment -ComputerName localhost -ErrorVariable failed)
            $failed | Should -BeNullOrEmpty
            $results.Count | Should -BeGreaterThan 0
            $results | ForEach-Object {
                $_.NodeName | Should -Be $env:COMPUTERNAME
                $_.PSComputerName | Should -Be 'localhost'
                $_.Id | Should -Not -Be 'ALSEC-FLEET-001'
            }
        }

        It 'reports a name that does not resolve as NodeAssessmentFailed and ALSEC-FLEET-001, and still assesses localhost' {
            if ($null -eq $wsman) { Set-ItResult -Inconclusive -Because 'WinRM does not answer on localhost (Enable-PSRemoting)'; return }
            $jobsBefore = @(Get-Job).Count
            $results = @(Invoke-ALSecurityAssessment -ComputerName localhost, 'alsec-no-such-node.invalid' -ErrorVariable failed -ErrorAction SilentlyContinue)
            @($failed).Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'NodeAssessmentFailed,*'
            $failed[0].TargetObject | Should -Be 'alsec-no-such-node.invalid'
            $failed[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            ($results | Where-Object Id -eq 'ALSEC-FLEET-001').NodeName | Should -Be 'alsec-no-such-node.invalid'
            @($results | Where-Object NodeName -eq $env:COMPUTERNAME).Count | Should -BeGreaterThan 0
            @(Get-Job).Count | Should -Be $jobsBefore
        }

        It 'saves the bundle that Test-ALSecuredCore reads to the same results' {
            if ($null -eq $wsman) { Set-ItResult -Inconclusive -Because 'WinRM does not answer on localhost (Enable-PSRemoting)'; return }
            $folder = Join-Path $bundleRoot 'fleet'
            $live = @(Invoke-ALSecurityAssessment -ComputerName localhost -EvidenceOutputPath $folder)
            $offline = @(Test-ALSecuredCore -EvidencePath (Join-Path $folder '*.zip') -Detailed)
            ($offline | ForEach-Object { "$($_.Id) $($_.Status)" }) | Should -Be ($live | ForEach-Object { "$($_.Id) $($_.Status)" })
        }

        It 'refuses CredSSP' {
            { Invoke-ALSecurityAssessment -ComputerName localhost -Authentication Credssp -ErrorAction Stop } | Should -Throw -ErrorId 'CredSspRefused,AzureLocalSecurity.Commands.InvokeALSecurityAssessmentCommand'
        }
    }
}

# Windows only: Set-AuthenticodeSignature and Get-AuthenticodeSignature exist there.
if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    Describe 'Signed package and Get-ALModuleIntegrity on Windows' {
        # Windows only: Set-AuthenticodeSignature signs, Get-AuthenticodeSignature reads back. A throwaway certificate in the
        # user's store, removed afterwards; it is not trusted, so Windows reports UnknownError, not Valid, for its signatures.
        BeforeAll {
            $certificate = New-SelfSignedCertificate -Type CodeSigningCert -Subject 'CN=AzureLocalSecurity Pester Signing' -CertStoreLocation Cert:\CurrentUser\My -NotAfter (Get-Date).AddDays(1)
            $pfx = Join-Path $bundleRoot 'signing.pfx'
            $env:ALSEC_SIGNING_PASSWORD = 'pester-throwaway'
            Export-PfxCertificate -Cert $certificate -FilePath $pfx -Password (ConvertTo-SecureString $env:ALSEC_SIGNING_PASSWORD -AsPlainText -Force) | Out-Null
            $out = Join-Path $bundleRoot 'package'
            $package = & (Join-Path $repo 'build.ps1') -Task Package -NoBuild -OutputPath $out -CertificatePath $pfx
        }

        AfterAll {
            Remove-Item -LiteralPath "Cert:\CurrentUser\My\$($certificate.Thumbprint)" -ErrorAction SilentlyContinue
            Remove-Item Env:\ALSEC_SIGNING_PASSWORD -ErrorAction SilentlyContinue
        }

        It 'signs the module''s own files with the given certificate' {
            foreach ($file in 'AzureLocalSecurity.psd1', 'AzureLocalSecurity.psm1', 'bin\Core\AzureLocalSecurity.dll', 'bin\Desktop\AzureLocalSecurity.Core.dll') {
                $signature = Get-AuthenticodeSignature -LiteralPath (Join-Path $package.Path $file)
                $signature.SignerCertificate.Thumbprint | Should -Be $certificate.Thumbprint
                $signature.Status | Should -Not -Be 'HashMismatch'
            }
        }

        It 'finds the package intact against the pinned publisher and tampered after a byte changes' {
            $report = Get-ALModuleIntegrity -Path $package.Path -SignerThumbprint $certificate.Thumbprint
            $report.Status | Should -Be 'Intact'
            ($report.Files | Where-Object Path -eq 'bin/Core/AzureLocalSecurity.dll').Authenticode | Should -Not -BeNullOrEmpty

            $dll = Join-Path $package.Path 'bin\Desktop\AzureLocalSecurity.dll'
            $bytes = [System.IO.File]::ReadAllBytes($dll)
            $bytes[$bytes.Length / 2] = $bytes[$bytes.Length / 2] -bxor 1
            [System.IO.File]::WriteAllBytes($dll, $bytes)
            $tampered = Get-ALModuleIntegrity -Path $package.Path -SignerThumbprint $certificate.Thumbprint
            $tampered.Status | Should -Be 'Tampered'
            ($tampered.Files | Where-Object Path -eq 'bin/Desktop/AzureLocalSecurity.dll').Authenticode | Should -Be 'HashMismatch'
        }
    }
}
