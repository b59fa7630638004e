# Loads the build of the cmdlets that matches this PowerShell: bin/Desktop (net472) for Windows
# PowerShell 5.1, bin/Core (net8.0) for PowerShell 7.4 and later. The manifest's CmdletsToExport
# decides what is exported.
$edition = if ($PSVersionTable.PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }
$assembly = [System.IO.Path]::Combine($PSScriptRoot, 'bin', $edition, 'AzureLocalSecurity.dll')
if (-not [System.IO.File]::Exists($assembly)) {
    throw [System.IO.FileNotFoundException]::new(
        "AzureLocalSecurity is not built for PowerShell $edition ('$assembly' is missing). Run ./build.ps1 (or: dotnet build -c Release) in the repository first.",
        $assembly)
}
Import-Module -Name $assembly -ErrorAction Stop
