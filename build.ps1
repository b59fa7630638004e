<#
.SYNOPSIS
    Builds, tests, packages, benchmarks and fuzzes AzureLocalSecurity.
.DESCRIPTION
    The same steps as the README. Runs in pwsh, Windows PowerShell 5.1, or (where neither is installed)
    through the project's own host: dotnet run --project src/AzureLocalSecurity.Host -- -File build.ps1 -Task Package
    It uses only the engine's own commands and .NET, so it runs in all three.
.PARAMETER Task
    Build (default), Test, Package, Bench or Fuzz.
.PARAMETER Configuration
    Release (default) or Debug.
.PARAMETER OutputPath
    Where Package puts AzureLocalSecurity/<version>/ (default: out/ under the repository).
.PARAMETER NoBuild
    Package or Test what is already built.
.PARAMETER CertificatePath
    Package only: a code-signing certificate with its private key (.pfx), whose password is in the environment variable
    ALSEC_SIGNING_PASSWORD (empty if unset). The module's own assemblies, manifest, script module and format file are
    Authenticode-signed with it (Set-AuthenticodeSignature on Windows, osslsigncode elsewhere) and the SBOM gets a
    detached CMS signature (AzureLocalSecurity.cdx.json.p7s). Without it the package is built unsigned.
.PARAMETER TimestampServer
    Package only: an RFC 3161 time-stamping server for the Authenticode signatures (e.g. http://timestamp.digicert.com).
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Package
.EXAMPLE
    $env:ALSEC_SIGNING_PASSWORD = '...'; ./build.ps1 -Task Package -CertificatePath ./codesigning.pfx
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Bench', 'Fuzz')]
    [string] $Task = 'Build',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    [string] $OutputPath,
    [switch] $NoBuild,
    [string] $CertificatePath,
    [string] $TimestampServer
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
# Messages go through the script's own cmdlet object: the project's host has the engine's commands only
# (no Write-Verbose or Write-Warning), and this file must run there too.
$script:cmdlet = $PSCmdlet
if (-not $OutputPath) { $OutputPath = [System.IO.Path]::Combine($root, 'out') }

# The module as shipped: a fixed list. Package fails if any is missing, and ships nothing else.
$moduleFiles = @(
    'AzureLocalSecurity.psd1'
    'AzureLocalSecurity.psm1'
    'module/AzureLocalSecurity.Format.ps1xml'
    'module/schemas/alsec-report-1.schema.json'
    'bin/Core/AzureLocalSecurity.dll'
    'bin/Core/AzureLocalSecurity.Core.dll'
    'bin/Core/Newtonsoft.Json.dll'
    'bin/Core/en-US/AzureLocalSecurity.dll-Help.xml'
    'bin/Desktop/AzureLocalSecurity.dll'
    'bin/Desktop/AzureLocalSecurity.Core.dll'
    'bin/Desktop/Newtonsoft.Json.dll'
    'bin/Desktop/en-US/AzureLocalSecurity.dll-Help.xml'
    'README.md'
    'CHANGELOG.md'
)

function Invoke-Dotnet {
    param([string[]] $Arguments)
    $script:cmdlet.WriteVerbose("dotnet " + ($Arguments -join ' '))
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $props = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'Directory.Build.props'))
    $match = [regex]::Match($props, '<VersionPrefix>([^<]+)</VersionPrefix>')
    if (-not $match.Success) { throw 'Directory.Build.props has no VersionPrefix.' }
    $match.Groups[1].Value
}

function Invoke-Build {
    param([switch] $Release)
    $arguments = @('build', [System.IO.Path]::Combine($root, 'AzureLocalSecurity.sln'), '-c', $Configuration, '-warnaserror')
    # A release build maps source paths to /_/ so the assemblies do not depend on where the tree is (tools/reproducible-build.sh).
    if ($Release) { $arguments += '-p:ContinuousIntegrationBuild=true' }
    Invoke-Dotnet $arguments
}

# The files the project itself writes: Authenticode-signed when a certificate is given. Newtonsoft.Json.dll keeps its
# publisher's signature.
$ownFiles = @(
    'AzureLocalSecurity.psd1'
    'AzureLocalSecurity.psm1'
    'module/AzureLocalSecurity.Format.ps1xml'
    'bin/Core/AzureLocalSecurity.dll'
    'bin/Core/AzureLocalSecurity.Core.dll'
    'bin/Desktop/AzureLocalSecurity.dll'
    'bin/Desktop/AzureLocalSecurity.Core.dll'
)

function Invoke-PackageTool {
    param([string[]] $Arguments)
    $tool = [System.IO.Path]::Combine($root, 'tools', 'AzureLocalSecurity.Packaging', 'bin', $Configuration, 'net10.0', 'alsec-package.dll')
    if (-not [System.IO.File]::Exists($tool)) {
        Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'tools', 'AzureLocalSecurity.Packaging'), '-c', $Configuration, '-warnaserror')
    }
    $script:cmdlet.WriteVerbose("alsec-package " + ($Arguments -join ' '))
    # Its lines are progress, not the task's output: they go to the verbose stream.
    & dotnet $tool @Arguments | ForEach-Object { $script:cmdlet.WriteVerbose([string]$_) }
    if ($LASTEXITCODE -ne 0) { throw "alsec-package $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Get-CommitTime {
    # The SBOM's and the .nupkg's time: the commit's, so two packages of one commit are the same bytes.
    try {
        $time = & git -C $root log -1 --format=%cI 2>$null
        if ($LASTEXITCODE -eq 0 -and $time) { return ([string]$time).Trim() }
    }
    catch { $null = $_ }
    ''
}

function Set-PackageSignature {
    param([string] $Target)
    $password = [System.Environment]::GetEnvironmentVariable('ALSEC_SIGNING_PASSWORD')
    if ($null -eq $password) { $password = '' }
    $onWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
    if ($onWindows) {
        $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::EphemeralKeySet
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($CertificatePath, $password, $flags)
        foreach ($file in $ownFiles) {
            $path = [System.IO.Path]::Combine($Target, $file)
            $arguments = @{ FilePath = $path; Certificate = $certificate; HashAlgorithm = 'SHA256' }
            if ($TimestampServer) { $arguments.TimestampServer = $TimestampServer }
            $signature = Set-AuthenticodeSignature @arguments
            if ($signature.Status -ne 'Valid' -and $signature.Status -ne 'UnknownError') {
                throw "Signing $file failed: $($signature.Status) $($signature.StatusMessage)"
            }
        }
        return
    }
    if (-not (Get-Command -Name osslsigncode -CommandType Application -ErrorAction SilentlyContinue)) {
        throw 'Signing off Windows needs osslsigncode 2.6 or later (Debian: apt-get install osslsigncode).'
    }
    # The password goes through a file only this user can read, never on a command line.
    $passFile = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "alsec-sign-$([guid]::NewGuid().ToString('N'))")
    [System.IO.File]::WriteAllText($passFile, $password)
    try {
        if (-not ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows)) { & chmod 600 $passFile }
        foreach ($file in $ownFiles) {
            $path = [System.IO.Path]::Combine($Target, $file)
            $signed = "$path.signed"
            $arguments = @('sign', '-pkcs12', $CertificatePath, '-readpass', $passFile, '-h', 'sha256', '-in', $path, '-out', $signed)
            if ($TimestampServer) { $arguments += @('-ts', $TimestampServer) }
            $output = & osslsigncode @arguments 2>&1
            if ($LASTEXITCODE -ne 0) { throw "osslsigncode could not sign ${file}: $output" }
            [System.IO.File]::Delete($path)
            [System.IO.File]::Move($signed, $path)
        }
    }
    finally {
        [System.IO.File]::Delete($passFile)
    }
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $target = [System.IO.Path]::Combine($OutputPath, 'AzureLocalSecurity', $version)
    $missing = @($moduleFiles | Where-Object { -not [System.IO.File]::Exists([System.IO.Path]::Combine($root, $_)) })
    if ($missing.Count -gt 0) {
        throw "Cannot package: missing $($missing -join ', '). Build first (./build.ps1)."
    }
    if ($CertificatePath -and -not [System.IO.File]::Exists($CertificatePath)) {
        throw "The certificate '$CertificatePath' does not exist."
    }
    if ([System.IO.Directory]::Exists($target)) { [System.IO.Directory]::Delete($target, $true) }
    foreach ($file in $moduleFiles) {
        $destination = [System.IO.Path]::Combine($target, $file)
        [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($destination))
        [System.IO.File]::Copy([System.IO.Path]::Combine($root, $file), $destination)
    }
    $manifest = [System.IO.Path]::Combine($target, 'AzureLocalSecurity.psd1')
    $text = [System.IO.File]::ReadAllText($manifest)
    $stamped = [regex]::Replace($text, "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$version'")
    [System.IO.File]::WriteAllText($manifest, $stamped)
    if ($CertificatePath) { Set-PackageSignature -Target $target }
    $module = Test-ModuleManifest -Path $manifest
    if ($module.Version.ToString() -ne $version) { throw "Packaged manifest says $($module.Version), expected $version." }

    # The SBOM over the files as shipped (signed ones included), its signature, the Gallery package, and a check of all three.
    $time = Get-CommitTime
    $assets = @('AzureLocalSecurity.Core', 'AzureLocalSecurity') | ForEach-Object {
        '--assets'; [System.IO.Path]::Combine($root, 'src', $_, 'obj', 'project.assets.json')
    }
    Invoke-PackageTool (@('sbom', '--module', $target, '--timestamp', $time) + $assets)
    $thumbprint = @()
    if ($CertificatePath) {
        Invoke-PackageTool @('sign', '--module', $target, '--pfx', $CertificatePath)
        $password = [System.Environment]::GetEnvironmentVariable('ALSEC_SIGNING_PASSWORD')
        if ($null -eq $password) { $password = '' }
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($CertificatePath, $password)
        $thumbprint = @('--thumbprint', $certificate.Thumbprint)
    }
    Invoke-PackageTool (@('verify', '--module', $target) + $thumbprint)
    $sbom = [System.IO.Path]::Combine($OutputPath, "AzureLocalSecurity.$version.cdx.json")
    [System.IO.File]::Copy([System.IO.Path]::Combine($target, 'AzureLocalSecurity.cdx.json'), $sbom, $true)
    Invoke-PackageTool @('nupkg', '--module', $target, '--out', $OutputPath, '--timestamp', $time)
    [pscustomobject]@{
        Name    = 'AzureLocalSecurity'
        Version = $version
        Path    = $target
        Files   = $moduleFiles.Count
        Sbom    = $sbom
        Nupkg   = [System.IO.Path]::Combine($OutputPath, "AzureLocalSecurity.$version.nupkg")
        Signed  = [bool]$CertificatePath
    }
}

function Invoke-Test {
    Invoke-Dotnet @('test', [System.IO.Path]::Combine($root, 'AzureLocalSecurity.sln'), '-c', $Configuration)
    if (Get-Command -Name Invoke-Pester -ErrorAction SilentlyContinue) {
        $result = Invoke-Pester -Path ([System.IO.Path]::Combine($root, 'tests', 'Pester')) -PassThru -Output Detailed
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester tests failed." }
    }
    else {
        $script:cmdlet.WriteWarning('Pester 5 is not installed here; the Pester tests in tests/Pester did not run (Install-Module Pester -MinimumVersion 5.0).')
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { if (-not $NoBuild) { Invoke-Build }; Invoke-Test }
    'Package' { if (-not $NoBuild) { Invoke-Build -Release }; Invoke-Package }
    'Bench' {
        Invoke-Dotnet @('run', '--project', [System.IO.Path]::Combine($root, 'bench', 'AzureLocalSecurity.Benchmarks'), '-c', 'Release', '--', '--filter', '*')
    }
    'Fuzz' {
        Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'fuzz', 'AzureLocalSecurity.Fuzz'), '-c', 'Release', '-warnaserror')
        & bash ([System.IO.Path]::Combine($root, 'fuzz', 'run.sh'))
        if ($LASTEXITCODE -ne 0) { throw "Fuzzing failed with exit code $LASTEXITCODE." }
    }
}
