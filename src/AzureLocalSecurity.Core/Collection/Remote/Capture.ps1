# AzureLocalSecurity in-box capture script, format alsec-capture version 1 (docs/capture-format.md).
# Reads a node's raw security facts with in-box commands only (Windows PowerShell 5.1 or PowerShell 7; no module, no
# Add-Type) and writes ONE JSON string; the module turns it into an evidence bundle with CaptureImporter. Every capture is
# in its own try/catch, so one failure never stops the rest. No secret is read: BitLocker key protectors are read as IDs
# and types only, never their numerical passwords or key files.
param(
    [string[]] $RegistryKeys = @(),
    [string[]] $UserRights = @(),
    [int[]] $BuiltinRids = @(),
    [bool] $AccountPolicy = $false,
    [bool] $AuditPolicy = $false,
    [string] $Since = '',
    [int] $MaxEvents = 2000,
    [string[]] $SecureBootVariables = @(),
    [string] $ServicingEventQuery = '',
    [int] $ServicingMaxEvents = 500,
    [int[]] $CodeIntegrityEventIds = @()
)

Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'

$script:AlsVersion = '1.0.0'
$script:AlsInvariant = [System.Globalization.CultureInfo]::InvariantCulture
$script:AlsCaptures = [System.Collections.ArrayList]::new()

function Format-AlsTime {
    param([datetime] $Time)
    $Time.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffffffZ', $script:AlsInvariant)
}

function Stop-AlsCapture {
    # A condition the script recognizes itself: the category travels with the exception.
    param([string] $Category, [string] $Message)
    $exception = [System.Exception]::new($Message)
    $exception.Data['alsCategory'] = $Category
    throw $exception
}

function ConvertTo-AlsError {
    param($Record)
    $exception = $Record
    if ($Record -is [System.Management.Automation.ErrorRecord]) {
        $exception = $Record.Exception
    }
    while (($exception -is [System.Management.Automation.MethodInvocationException] -or $exception -is [System.Management.Automation.CmdletInvocationException]) -and $null -ne $exception.InnerException) {
        $exception = $exception.InnerException
    }
    $info = @{ message = [string] $exception.Message; type = [string] $exception.GetType().FullName }
    if ($exception.Data.Contains('alsCategory')) {
        $info['category'] = [string] $exception.Data['alsCategory']
        $info['type'] = 'capture'
    }
    if ($null -ne $exception.PSObject.Properties['NativeErrorCode']) {
        $info['code'] = [string] $exception.NativeErrorCode
    } elseif ($exception.HResult -ne 0 -and -not $info.ContainsKey('category')) {
        $info['code'] = '0x' + $exception.HResult.ToString('X8', $script:AlsInvariant)
    }
    $info
}

function Add-AlsCapture {
    param([string] $Name, [string] $Target, [string] $Command, [scriptblock] $Read)
    $entry = @{ name = $Name; target = $Target; command = $Command; capturedAt = (Format-AlsTime ([datetime]::UtcNow)) }
    try {
        $data = & $Read
        if ($null -eq $data) {
            Stop-AlsCapture -Category 'Failed' -Message 'The capture returned nothing.'
        }
        $entry['data'] = $data
    } catch {
        $entry['error'] = ConvertTo-AlsError $_
    }
    [void] $script:AlsCaptures.Add($entry)
}

function ConvertTo-AlsValue {
    # A value with its exact CLR type name, so the importer rebuilds the object the native collector would have seen.
    param($Value)
    if ($null -eq $Value) { return @{ t = 'Null' } }
    $type = $Value.GetType()
    if ($type -eq [string]) { return @{ t = 'String'; v = $Value } }
    if ($type -eq [bool]) { return @{ t = 'Boolean'; v = $Value } }
    if ($type -eq [byte] -or $type -eq [sbyte] -or $type -eq [int16] -or $type -eq [uint16] -or $type -eq [int32] -or $type -eq [uint32] -or $type -eq [int64] -or $type -eq [uint64]) {
        return @{ t = $type.Name; v = $Value.ToString($script:AlsInvariant) }
    }
    if ($type -eq [datetime]) { return @{ t = 'DateTime'; v = (Format-AlsTime $Value) } }
    if ($type -eq [byte[]]) { return @{ t = 'Byte[]'; v = [System.Convert]::ToBase64String($Value) } }
    if ($type -eq [uint16[]] -or $type -eq [uint32[]] -or $type -eq [uint64[]] -or $type -eq [int32[]] -or $type -eq [int64[]]) {
        $items = [System.Collections.ArrayList]::new()
        foreach ($item in $Value) { [void] $items.Add($item.ToString($script:AlsInvariant)) }
        return @{ t = $type.Name; v = $items.ToArray() }
    }
    if ($Value -is [System.Array]) {
        $items = [System.Collections.ArrayList]::new()
        foreach ($item in $Value) { [void] $items.Add([string]::Format($script:AlsInvariant, '{0}', $item)) }
        return @{ t = 'String[]'; v = $items.ToArray() }
    }
    return @{ t = 'String'; v = [string]::Format($script:AlsInvariant, '{0}', $Value) }
}

function ConvertTo-AlsProperties {
    # Every property of a CIM instance (or of the object a test stands in with), name and typed value.
    param($Object)
    $list = [System.Collections.ArrayList]::new()
    if ($null -ne $Object.PSObject.Properties['CimInstanceProperties']) {
        foreach ($property in $Object.CimInstanceProperties) {
            [void] $list.Add(@{ name = [string] $property.Name; value = (ConvertTo-AlsValue $property.Value) })
        }
    } else {
        foreach ($property in $Object.PSObject.Properties) {
            if ($property.Name -ne 'PSComputerName') {
                [void] $list.Add(@{ name = [string] $property.Name; value = (ConvertTo-AlsValue $property.Value) })
            }
        }
    }
    @{ properties = $list.ToArray() }
}

function Get-AlsInstances {
    param([string] $Namespace, [string] $ClassName)
    $list = [System.Collections.ArrayList]::new()
    foreach ($instance in @(Get-CimInstance -Namespace $Namespace -ClassName $ClassName -ErrorAction Stop)) {
        [void] $list.Add($instance)
    }
    , $list.ToArray()
}

function Invoke-AlsMethod {
    # One read-only CIM method call: its return value and out parameters, or the error it raised.
    param($Instance, [string] $Method, [hashtable] $Arguments, [string] $Key)
    $call = @{ method = $Method; key = $Key }
    try {
        if ($null -eq $Arguments) {
            $result = Invoke-CimMethod -InputObject $Instance -MethodName $Method -ErrorAction Stop
        } else {
            $result = Invoke-CimMethod -InputObject $Instance -MethodName $Method -Arguments $Arguments -ErrorAction Stop
        }
        $call['result'] = ConvertTo-AlsProperties $result
    } catch {
        $call['error'] = ConvertTo-AlsError $_
    }
    $call
}

function Open-AlsRegistryKey {
    # The 64-bit view always: a 32-bit process on a 64-bit OS opens it explicitly, others through the registry provider.
    param([string] $Path)
    $slash = $Path.IndexOf('\')
    $hive = $Path
    $rest = ''
    if ($slash -ge 0) { $hive = $Path.Substring(0, $slash); $rest = $Path.Substring($slash + 1) }
    switch ($hive.ToUpperInvariant()) {
        'HKLM' { $hiveName = 'HKEY_LOCAL_MACHINE'; $hiveEnum = [Microsoft.Win32.RegistryHive]::LocalMachine }
        'HKEY_LOCAL_MACHINE' { $hiveName = 'HKEY_LOCAL_MACHINE'; $hiveEnum = [Microsoft.Win32.RegistryHive]::LocalMachine }
        'HKU' { $hiveName = 'HKEY_USERS'; $hiveEnum = [Microsoft.Win32.RegistryHive]::Users }
        'HKCR' { $hiveName = 'HKEY_CLASSES_ROOT'; $hiveEnum = [Microsoft.Win32.RegistryHive]::ClassesRoot }
        default { Stop-AlsCapture -Category 'Failed' -Message ('Unsupported registry hive in ' + $Path + '.') }
    }
    if ([System.Environment]::Is64BitOperatingSystem -and -not [System.Environment]::Is64BitProcess) {
        $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey($hiveEnum, [Microsoft.Win32.RegistryView]::Registry64)
        $key = $base.OpenSubKey($rest, $false)
        if ($null -eq $key) { Stop-AlsCapture -Category 'NotFound' -Message ('The key ' + $Path + ' does not exist.') }
        return $key
    }
    try {
        return Get-Item -LiteralPath ('Registry::' + $hiveName + '\' + $rest) -ErrorAction Stop
    } catch [System.Management.Automation.ItemNotFoundException] {
        Stop-AlsCapture -Category 'NotFound' -Message ('The key ' + $Path + ' does not exist.')
    }
}

function Read-AlsRegistryKey {
    param([string] $Path)
    $key = Open-AlsRegistryKey $Path
    $values = [System.Collections.ArrayList]::new()
    foreach ($name in @($key.GetValueNames())) {
        try {
            $kind = $key.GetValueKind($name)
        } catch [System.IO.IOException] {
            continue # Deleted between enumeration and read.
        }
        $data = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
        $kindName = [string] $kind
        $value = $null
        if ($kindName -eq 'DWord' -and $null -ne $data) {
            $value = [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([int32] $data), 0).ToString($script:AlsInvariant)
        } elseif ($kindName -eq 'QWord' -and $null -ne $data) {
            $value = [System.BitConverter]::ToUInt64([System.BitConverter]::GetBytes([int64] $data), 0).ToString($script:AlsInvariant)
        } elseif (($kindName -eq 'String' -or $kindName -eq 'ExpandString') -and $data -is [string]) {
            $value = $data
        } elseif ($kindName -eq 'MultiString' -and $null -ne $data) {
            $strings = [System.Collections.ArrayList]::new()
            foreach ($s in $data) { [void] $strings.Add([string] $s) }
            $value = $strings.ToArray()
        } elseif ($data -is [byte[]]) {
            $value = [System.Convert]::ToBase64String($data)
            if ($kindName -ne 'None') { $kindName = 'Binary' }
        } else {
            continue # REG_LINK and kinds .NET does not read: nothing raw to keep.
        }
        [void] $values.Add(@{ name = [string] $name; kind = $kindName; value = $value })
    }
    $subKeys = [System.Collections.ArrayList]::new()
    foreach ($sub in @($key.GetSubKeyNames())) { [void] $subKeys.Add([string] $sub) }
    @{ values = $values.ToArray(); subKeys = $subKeys.ToArray() }
}

function New-AlsTempPath {
    param([string] $Extension)
    [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'alsec-' + [guid]::NewGuid().ToString('N') + $Extension)
}

function Invoke-AlsTool {
    # Runs an in-box tool that writes a file; returns the file's bytes. The file is deleted whatever happens.
    param([string] $Tool, [string] $File, [scriptblock] $Run)
    try {
        $global:LASTEXITCODE = 0
        $output = & $Run 2>&1
        $exit = $global:LASTEXITCODE
        if ($exit -ne 0) {
            $text = (@($output) | ForEach-Object { [string] $_ }) -join ' '
            Stop-AlsCapture -Category 'Failed' -Message ($Tool + ' exited with code ' + $exit + ': ' + $text)
        }
        if (-not [System.IO.File]::Exists($File)) {
            Stop-AlsCapture -Category 'Failed' -Message ($Tool + ' wrote no file.')
        }
        [System.IO.File]::ReadAllBytes($File)
    } finally {
        if ([System.IO.File]::Exists($File)) { [System.IO.File]::Delete($File) }
    }
}

function Read-AlsFileBytes {
    param([string] $Path, [int] $MaxBytes)
    if (-not [System.IO.File]::Exists($Path)) {
        Stop-AlsCapture -Category 'NotFound' -Message ($Path + ' does not exist.')
    }
    $item = [System.IO.FileInfo]::new($Path)
    if ($item.Length -gt $MaxBytes) {
        Stop-AlsCapture -Category 'Failed' -Message ($Path + ' is larger than ' + $MaxBytes + ' bytes.')
    }
    , [System.IO.File]::ReadAllBytes($Path)
}

function Read-AlsEvents {
    param([hashtable] $Filter, [string] $XPath, [string] $LogName, [int] $Max)
    $xml = [System.Collections.ArrayList]::new()
    try {
        if ($XPath.Length -gt 0) {
            $events = @(Get-WinEvent -LogName $LogName -FilterXPath $XPath -MaxEvents ($Max + 1) -ErrorAction Stop)
        } else {
            $events = @(Get-WinEvent -FilterHashtable $Filter -MaxEvents ($Max + 1) -ErrorAction Stop)
        }
    } catch {
        # Get-WinEvent reports "no events were found" as an error; an empty result is a fact, not a failure.
        if ($_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { $events = @() } else { throw }
    }
    $truncated = $events.Count -gt $Max
    $count = 0
    foreach ($record in $events) {
        if ($count -ge $Max) { break }
        [void] $xml.Add([string] $record.ToXml())
        $count++
    }
    @{ xml = $xml.ToArray(); truncated = $truncated }
}

function ConvertTo-AlsJson {
    # The document's JSON, written here rather than by ConvertTo-Json: Windows PowerShell 5.1's ConvertTo-Json unrolls
    # one-element arrays, adds Count/value to arrays it sees through a PSObject, truncates past -Depth and formats dates by
    # culture. Only hashtables, arrays, strings, booleans and integers reach this writer.
    param($Value, [System.Text.StringBuilder] $Out)
    if ($null -eq $Value) { [void] $Out.Append('null'); return }
    if ($Value -is [System.Management.Automation.PSObject]) { $Value = $Value.PSObject.BaseObject }
    if ($Value -is [string]) {
        [void] $Out.Append('"')
        if ($Value -notmatch '["\\\x00-\x1f\u2028\u2029]') {
            # Nothing to escape (base64, most names): appended whole, not character by character.
            [void] $Out.Append($Value).Append('"')
            return
        }
        foreach ($c in $Value.ToCharArray()) {
            $code = [int] $c
            if ($c -eq '"') { [void] $Out.Append('\"') }
            elseif ($c -eq '\') { [void] $Out.Append('\\') }
            elseif ($code -lt 32 -or $code -eq 0x2028 -or $code -eq 0x2029) { [void] $Out.Append('\u').Append($code.ToString('x4', $script:AlsInvariant)) }
            else { [void] $Out.Append($c) }
        }
        [void] $Out.Append('"')
        return
    }
    if ($Value -is [bool]) { if ($Value) { [void] $Out.Append('true') } else { [void] $Out.Append('false') }; return }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [int16] -or $Value -is [uint16] -or $Value -is [byte]) {
        [void] $Out.Append($Value.ToString($script:AlsInvariant))
        return
    }
    if ($Value -is [System.Collections.IDictionary]) {
        [void] $Out.Append('{')
        $first = $true
        $keys = [System.Collections.ArrayList]::new()
        foreach ($key in $Value.Keys) { [void] $keys.Add([string] $key) }
        $keys.Sort([System.StringComparer]::Ordinal)
        foreach ($key in $keys) {
            if (-not $first) { [void] $Out.Append(',') }
            $first = $false
            ConvertTo-AlsJson -Value $key -Out $Out
            [void] $Out.Append(':')
            ConvertTo-AlsJson -Value $Value[$key] -Out $Out
        }
        [void] $Out.Append('}')
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        [void] $Out.Append('[')
        $first = $true
        foreach ($item in $Value) {
            if (-not $first) { [void] $Out.Append(',') }
            $first = $false
            ConvertTo-AlsJson -Value $item -Out $Out
        }
        [void] $Out.Append(']')
        return
    }
    ConvertTo-AlsJson -Value ([string]::Format($script:AlsInvariant, '{0}', $Value)) -Out $Out
}

$startedAt = Format-AlsTime ([datetime]::UtcNow)

# --- node -------------------------------------------------------------------------------------------------------------
$computerName = [string] $env:COMPUTERNAME
if (-not $computerName) { $computerName = [Environment]::MachineName }
$node = @{ computerName = $computerName }
try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction Stop
    $node['osCaption'] = [string] $os.Caption
    $node['osVersion'] = [string] $os.Version
    $node['osBuild'] = [string] $os.BuildNumber
    $node['osArchitecture'] = [string] $os.OSArchitecture
} catch {
    $node['osError'] = (ConvertTo-AlsError $_).message
}
try {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem -ErrorAction Stop
    $node['domain'] = [string] $cs.Domain
    $node['partOfDomain'] = [bool] $cs.PartOfDomain
    if ([bool] $cs.PartOfDomain) { $node['dnsDomain'] = [string] $cs.Domain }
} catch {
    $node['computerSystemError'] = (ConvertTo-AlsError $_).message
}

# --- registry ---------------------------------------------------------------------------------------------------------
foreach ($registryKey in $RegistryKeys) {
    Add-AlsCapture -Name 'registry' -Target $registryKey -Command ('Registry (64-bit view) ' + $registryKey) -Read { Read-AlsRegistryKey $registryKey }
}

# --- audit policy, user rights, account policy ------------------------------------------------------------------------
if ($AuditPolicy) {
    Add-AlsCapture -Name 'auditpol' -Target '' -Command 'auditpol.exe /backup /file:<temp>.csv' -Read {
        $file = New-AlsTempPath '.csv'
        $bytes = Invoke-AlsTool -Tool 'auditpol.exe' -File $file -Run { auditpol.exe /backup ('/file:' + $file) }
        @{ csv = [System.Convert]::ToBase64String($bytes) }
    }
}

if ($AccountPolicy -or $UserRights.Count -gt 0) {
    Add-AlsCapture -Name 'secedit' -Target '' -Command 'secedit.exe /export /cfg <temp>.inf /areas SECURITYPOLICY USER_RIGHTS' -Read {
        $file = New-AlsTempPath '.inf'
        $bytes = Invoke-AlsTool -Tool 'secedit.exe' -File $file -Run { secedit.exe /export /cfg $file /areas SECURITYPOLICY USER_RIGHTS /quiet }
        @{ inf = [System.Convert]::ToBase64String($bytes) }
    }
}

if ($BuiltinRids.Count -gt 0) {
    Add-AlsCapture -Name 'localAccounts' -Target '' -Command 'Get-CimInstance Win32_UserAccount -Filter "LocalAccount=True"' -Read {
        $accounts = [System.Collections.ArrayList]::new()
        foreach ($account in @(Get-CimInstance -ClassName Win32_UserAccount -Filter 'LocalAccount=True' -ErrorAction Stop)) {
            [void] $accounts.Add(@{ sid = [string] $account.SID; name = [string] $account.Name; disabled = [bool] $account.Disabled })
        }
        @{ accounts = $accounts.ToArray() }
    }
}

# --- CIM classes --------------------------------------------------------------------------------------------------------
$cimClasses = @(
    @('root\Microsoft\Windows\DeviceGuard', 'Win32_DeviceGuard'),
    @('root\Microsoft\Windows\SMB', 'MSFT_SmbServerConfiguration'),
    @('root\Microsoft\Windows\SMB', 'MSFT_SmbClientConfiguration'),
    @('root\Microsoft\Windows\Defender', 'MSFT_MpComputerStatus'),
    @('root\Microsoft\Windows\Defender', 'MSFT_MpPreference'),
    @('root\MSCluster', 'MSCluster_Cluster')
)
foreach ($cimClass in $cimClasses) {
    Add-AlsCapture -Name 'cim' -Target ($cimClass[0] + ':' + $cimClass[1]) -Command ('Get-CimInstance -Namespace ' + $cimClass[0] + ' -ClassName ' + $cimClass[1]) -Read {
        $list = [System.Collections.ArrayList]::new()
        foreach ($instance in (Get-AlsInstances -Namespace $cimClass[0] -ClassName $cimClass[1])) {
            [void] $list.Add((ConvertTo-AlsProperties $instance))
        }
        @{ instances = $list.ToArray() }
    }
}

Add-AlsCapture -Name 'tpm' -Target 'root\CIMV2\Security\MicrosoftTpm:Win32_Tpm' -Command 'Get-CimInstance -Namespace root\CIMV2\Security\MicrosoftTpm -ClassName Win32_Tpm; Invoke-CimMethod IsActivated, IsEnabled, IsOwned, IsReady, IsReadyInformation' -Read {
    $list = [System.Collections.ArrayList]::new()
    foreach ($tpm in (Get-AlsInstances -Namespace 'root\CIMV2\Security\MicrosoftTpm' -ClassName 'Win32_Tpm')) {
        $calls = [System.Collections.ArrayList]::new()
        foreach ($method in @('IsActivated', 'IsEnabled', 'IsOwned', 'IsReady', 'IsReadyInformation')) {
            [void] $calls.Add((Invoke-AlsMethod -Instance $tpm -Method $method -Arguments $null -Key ''))
        }
        $record = ConvertTo-AlsProperties $tpm
        $record['calls'] = $calls.ToArray()
        [void] $list.Add($record)
    }
    @{ instances = $list.ToArray() }
}

Add-AlsCapture -Name 'bitlocker' -Target 'root\CIMV2\Security\MicrosoftVolumeEncryption:Win32_EncryptableVolume' -Command 'Get-CimInstance Win32_EncryptableVolume; Invoke-CimMethod GetConversionStatus, GetEncryptionMethod, GetProtectionStatus, GetLockStatus, GetKeyProtectors, GetKeyProtectorType, IsAutoUnlockEnabled, GetSuspendCount' -Read {
    $list = [System.Collections.ArrayList]::new()
    foreach ($volume in (Get-AlsInstances -Namespace 'root\CIMV2\Security\MicrosoftVolumeEncryption' -ClassName 'Win32_EncryptableVolume')) {
        $calls = [System.Collections.ArrayList]::new()
        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetConversionStatus' -Arguments @{ PrecisionFactor = [uint32] 1 } -Key ''))
        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetEncryptionMethod' -Arguments $null -Key ''))
        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetProtectionStatus' -Arguments $null -Key ''))
        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetLockStatus' -Arguments $null -Key ''))
        $protectors = Invoke-AlsMethod -Instance $volume -Method 'GetKeyProtectors' -Arguments @{ KeyProtectorType = [uint32] 0 } -Key ''
        [void] $calls.Add($protectors)
        if ($protectors.ContainsKey('result')) {
            foreach ($property in $protectors['result']['properties']) {
                if ($property['name'] -eq 'VolumeKeyProtectorID' -and $property['value']['t'] -eq 'String[]') {
                    foreach ($id in $property['value']['v']) {
                        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetKeyProtectorType' -Arguments @{ VolumeKeyProtectorID = [string] $id } -Key ([string] $id)))
                    }
                }
            }
        }
        [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'IsAutoUnlockEnabled' -Arguments $null -Key ''))
        $volumeType = $null
        if ($null -ne $volume.PSObject.Properties['VolumeType']) { $volumeType = $volume.VolumeType }
        if ($null -ne $volumeType -and [uint32] $volumeType -eq 0) {
            [void] $calls.Add((Invoke-AlsMethod -Instance $volume -Method 'GetSuspendCount' -Arguments $null -Key ''))
        }
        $record = ConvertTo-AlsProperties $volume
        $record['calls'] = $calls.ToArray()
        [void] $list.Add($record)
    }
    @{ instances = $list.ToArray() }
}

# --- Secure Boot --------------------------------------------------------------------------------------------------------
foreach ($variable in $SecureBootVariables) {
    Add-AlsCapture -Name 'secureBootVariable' -Target $variable -Command ('Get-SecureBootUEFI -Name ' + $variable) -Read {
        $answer = Get-SecureBootUEFI -Name $variable -ErrorAction Stop
        $bytes = $answer.Bytes
        if ($null -eq $bytes) { $bytes = [byte[]]::new(0) }
        @{ bytes = [System.Convert]::ToBase64String([byte[]] $bytes) }
    }
}

foreach ($bootFile in @('EFI/Microsoft/Boot/bootmgfw.efi', 'EFI/Boot/bootx64.efi')) {
    Add-AlsCapture -Name 'espFile' -Target $bootFile -Command ('file \\?\GLOBALROOT<HKLM\SYSTEM\Setup SystemPartition>\' + $bootFile.Replace('/', '\')) -Read {
        $setup = Read-AlsRegistryKey 'HKLM\SYSTEM\Setup'
        $device = $null
        foreach ($value in $setup['values']) { if ($value['name'] -eq 'SystemPartition') { $device = [string] $value['value'] } }
        if ($null -eq $device -or -not $device.StartsWith('\Device\', [System.StringComparison]::OrdinalIgnoreCase)) {
            Stop-AlsCapture -Category 'NotSupported' -Message 'HKLM\SYSTEM\Setup has no SystemPartition device name, so the EFI system partition could not be located.'
        }
        $path = '\\?\GLOBALROOT' + $device.TrimEnd('\') + '\' + $bootFile.Replace('/', '\')
        @{ path = $path; bytes = [System.Convert]::ToBase64String((Read-AlsFileBytes -Path $path -MaxBytes 16777216)) }
    }
}

if ($ServicingEventQuery.Length -gt 0) {
    Add-AlsCapture -Name 'events' -Target 'servicing' -Command ('Get-WinEvent -LogName System -FilterXPath "' + $ServicingEventQuery + '"') -Read {
        $read = Read-AlsEvents -Filter $null -XPath $ServicingEventQuery -LogName 'System' -Max $ServicingMaxEvents
        $read['query'] = $ServicingEventQuery
        $read
    }
}

# --- App Control --------------------------------------------------------------------------------------------------------
Add-AlsCapture -Name 'citool' -Target '' -Command 'CiTool.exe --list-policies --json' -Read {
    $tool = Get-Command -Name 'CiTool.exe' -ErrorAction SilentlyContinue
    if ($null -eq $tool) {
        Stop-AlsCapture -Category 'NotFound' -Message 'CiTool.exe is not on this node (Windows builds before Windows 11 22H2 and Windows Server 2025 do not ship it).'
    }
    $global:LASTEXITCODE = 0
    $jsonOutput = @(CiTool.exe --list-policies --json 2>$null)
    $jsonExit = $global:LASTEXITCODE
    $text = (@($jsonOutput | ForEach-Object { [string] $_ })) -join "`n"
    $result = @{ arguments = @('--list-policies', '--json'); exitCode = $jsonExit; encoding = [string] [System.Console]::OutputEncoding.WebName }
    $trimmed = $text.Trim()
    if (-not ($trimmed.StartsWith('{') -or $trimmed.StartsWith('['))) {
        $global:LASTEXITCODE = 0
        $textOutput = @(CiTool.exe --list-policies 2>$null)
        $result['jsonExitCode'] = $jsonExit
        $result['exitCode'] = $global:LASTEXITCODE
        $result['arguments'] = @('--list-policies')
        $text = (@($textOutput | ForEach-Object { [string] $_ })) -join "`n"
    }
    $result['stdout'] = $text
    $result
}

$codeIntegrity = [System.IO.Path]::Combine([string] $env:windir, 'System32', 'CodeIntegrity')
$activeFolder = [System.IO.Path]::Combine($codeIntegrity, 'CiPolicies', 'Active')
Add-AlsCapture -Name 'ciPolicies' -Target 'CiPolicies\Active' -Command ('[System.IO.Directory]::GetFiles(' + $activeFolder + ', *.cip)') -Read {
    if (-not [System.IO.Directory]::Exists($activeFolder)) {
        Stop-AlsCapture -Category 'NotFound' -Message ($activeFolder + ' does not exist: no multiple-policy-format policy was deployed.')
    }
    $names = [System.Collections.ArrayList]::new()
    foreach ($found in [System.IO.Directory]::GetFiles($activeFolder, '*.cip')) {
        $name = [System.IO.Path]::GetFileName($found)
        # The pattern *.cip also matches longer extensions (8.3 names); keep .cip only, as the native reader does.
        if ([System.IO.Path]::GetExtension($name) -eq '.cip') { [void] $names.Add($name) }
    }
    $names.Sort([System.StringComparer]::Ordinal)
    $files = [System.Collections.ArrayList]::new()
    $taken = 0
    foreach ($name in $names) {
        if ($taken -ge 256) { break }
        $taken++
        $f = [System.IO.FileInfo]::new([System.IO.Path]::Combine($activeFolder, $name))
        $file = @{ name = [string] $f.Name; length = $f.Length.ToString($script:AlsInvariant); lastWriteTime = (Format-AlsTime $f.LastWriteTimeUtc) }
        try {
            $file['bytes'] = [System.Convert]::ToBase64String((Read-AlsFileBytes -Path $f.FullName -MaxBytes 16777216))
        } catch {
            $file['error'] = ConvertTo-AlsError $_
        }
        [void] $files.Add($file)
    }
    @{ path = $activeFolder; files = $files.ToArray() }
}

foreach ($policyFile in @('SiPolicy.p7b', 'driversipolicy.p7b')) {
    Add-AlsCapture -Name 'file' -Target ('CodeIntegrity\' + $policyFile) -Command ('file ' + [System.IO.Path]::Combine($codeIntegrity, $policyFile)) -Read {
        $path = [System.IO.Path]::Combine($codeIntegrity, $policyFile)
        @{ path = $path; bytes = [System.Convert]::ToBase64String((Read-AlsFileBytes -Path $path -MaxBytes 16777216)) }
    }
}

if ($CodeIntegrityEventIds.Count -gt 0) {
    $sinceTime = [datetime]::UtcNow.AddDays(-7)
    if ($Since.Length -gt 0) {
        $sinceTime = [datetime]::Parse($Since, $script:AlsInvariant, [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal)
    }
    Add-AlsCapture -Name 'events' -Target 'codeIntegrity' -Command ('Get-WinEvent -FilterHashtable @{ LogName = ''Microsoft-Windows-CodeIntegrity/Operational''; Id = ' + ($CodeIntegrityEventIds -join ',') + '; StartTime = ''' + (Format-AlsTime $sinceTime) + ''' }') -Read {
        $filter = @{ LogName = 'Microsoft-Windows-CodeIntegrity/Operational'; Id = $CodeIntegrityEventIds; StartTime = $sinceTime.ToLocalTime() }
        $read = Read-AlsEvents -Filter $filter -XPath '' -LogName '' -Max $MaxEvents
        $read['since'] = Format-AlsTime $sinceTime
        $read
    }
}

# --- the document -------------------------------------------------------------------------------------------------------
$sinceValue = $null
if ($Since.Length -gt 0) { $sinceValue = $Since }
$ridList = [System.Collections.ArrayList]::new()
foreach ($rid in $BuiltinRids) { [void] $ridList.Add([int] $rid) }
$keyList = [System.Collections.ArrayList]::new()
foreach ($k in $RegistryKeys) { [void] $keyList.Add([string] $k) }
$rightList = [System.Collections.ArrayList]::new()
foreach ($r in $UserRights) { [void] $rightList.Add([string] $r) }

$document = @{
    format = 'alsec-capture'
    formatVersion = 1
    scriptVersion = $script:AlsVersion
    capturedAt = $startedAt
    node = $node
    powerShell = @{ edition = [string] $PSVersionTable.PSEdition; version = [string] $PSVersionTable.PSVersion }
    request = @{
        registryKeys = $keyList.ToArray()
        userRights = $rightList.ToArray()
        builtinRids = $ridList.ToArray()
        accountPolicy = $AccountPolicy
        auditPolicy = $AuditPolicy
        since = $sinceValue
        maxEvents = $MaxEvents
    }
    captures = $script:AlsCaptures.ToArray()
}
$json = [System.Text.StringBuilder]::new()
ConvertTo-AlsJson -Value $document -Out $json
$json.ToString()
