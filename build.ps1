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
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Bench', 'Fuzz')]
    [string] $Task = 'Build',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    [string] $OutputPath,
    [switch] $NoBuild
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
    Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'AzureLocalSecurity.sln'), '-c', $Configuration, '-warnaserror')
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $target = [System.IO.Path]::Combine($OutputPath, 'AzureLocalSecurity', $version)
    $missing = @($moduleFiles | Where-Object { -not [System.IO.File]::Exists([System.IO.Path]::Combine($root, $_)) })
    if ($missing.Count -gt 0) {
        throw "Cannot package: missing $($missing -join ', '). Build first (./build.ps1)."
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
    $module = Test-ModuleManifest -Path $manifest
    if ($module.Version.ToString() -ne $version) { throw "Packaged manifest says $($module.Version), expected $version." }
    [pscustomobject]@{ Name = 'AzureLocalSecurity'; Version = $version; Path = $target; Files = $moduleFiles.Count }
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
    'Package' { if (-not $NoBuild) { Invoke-Build }; Invoke-Package }
    'Bench' {
        Invoke-Dotnet @('run', '--project', [System.IO.Path]::Combine($root, 'bench', 'AzureLocalSecurity.Benchmarks'), '-c', 'Release', '--', '--filter', '*')
    }
    'Fuzz' {
        Invoke-Dotnet @('build', [System.IO.Path]::Combine($root, 'fuzz', 'AzureLocalSecurity.Fuzz'), '-c', 'Release', '-warnaserror')
        & bash ([System.IO.Path]::Combine($root, 'fuzz', 'run.sh'))
        if ($LASTEXITCODE -ne 0) { throw "Fuzzing failed with exit code $LASTEXITCODE." }
    }
}
