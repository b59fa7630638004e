using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Microsoft.Win32;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

/// <summary>
/// Windows commands replaced by recorded outputs: a hosted PowerShell engine in which functions named auditpol.exe,
/// secedit.exe, CiTool.exe, Get-CimInstance, Invoke-CimMethod, Get-SecureBootUEFI, Get-WinEvent and Get-Item (for
/// <c>Registry::</c> paths only) answer with real recorded outputs: the auditpol backup and secedit export of
/// Vectors/capture, the CiTool listing of Vectors/appcontrol, the TPM-WMI events of Vectors/windows, and the registry keys,
/// Win32_* and MSFT_* property sets and UEFI variables of a recorded bundle. The capture script runs unchanged against them.
/// </summary>
internal sealed class RecordedWindows : IDisposable
{
    private const string Stubs = """
        function global:auditpol.exe {
            $file = [string] $args[1]
            [System.IO.File]::Copy($AlsAuditpolFile, $file.Substring(6))
            $global:LASTEXITCODE = 0
        }
        function global:secedit.exe {
            if ($AlsThrow -eq 'secedit') { throw [System.InvalidOperationException]::new('secedit stand-in failure') }
            [System.IO.File]::Copy($AlsSeceditFile, [string] $args[2])
            $global:LASTEXITCODE = 0
        }
        function global:CiTool.exe {
            $global:LASTEXITCODE = 0
            if ($args -contains '--json') { 'Unrecognized option --json' ; $global:LASTEXITCODE = 1; return }
            foreach ($line in $AlsCiToolLines) { $line }
        }
        function global:Get-Item {
            param([string] $LiteralPath, [switch] $Force)
            if ($LiteralPath.StartsWith('Registry::')) {
                $key = $AlsRegistry[$LiteralPath]
                if ($null -eq $key) { throw [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '" + $LiteralPath + "' because it does not exist.") }
                return $key
            }
            throw [System.InvalidOperationException]::new('The capture script reads files through .NET, not Get-Item: ' + $LiteralPath)
        }
        function global:Get-CimInstance {
            param([string] $Namespace = 'root\cimv2', [string] $ClassName, [string] $Filter)
            $key = $Namespace + ':' + $ClassName
            if ($AlsThrow -eq $key) { throw [System.InvalidOperationException]::new('stand-in failure for ' + $key) }
            if ($AlsCim.ContainsKey($key)) { foreach ($i in $AlsCim[$key]) { $i } }
        }
        function global:Invoke-CimMethod {
            param($InputObject, [string] $MethodName, [hashtable] $Arguments)
            $AlsMethods[$MethodName]
        }
        function global:Get-SecureBootUEFI {
            param([string] $Name)
            if (-not $AlsVariables.ContainsKey($Name)) { throw [System.InvalidOperationException]::new('Variable is currently undefined: 0xC0000100') }
            [pscustomobject] @{ Name = $Name; Bytes = $AlsVariables[$Name] }
        }
        function global:Get-WinEvent {
            param([string] $LogName, [string] $FilterXPath, [hashtable] $FilterHashtable, [int] $MaxEvents)
            if ($LogName -ne 'System') { return }
            foreach ($e in $AlsServicingEvents) { $e }
        }
        """;

    private readonly Runspace _runspace;

    internal RecordedWindows(EvidenceBundle recorded, string windowsFolder, string? throwFor = null)
    {
        Recorded = recorded;
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        var state = _runspace.SessionStateProxy;
        state.SetVariable("AlsAuditpolFile", CaptureVectors.Path(CaptureVectors.AuditpolBackup));
        state.SetVariable("AlsSeceditFile", CaptureVectors.Path(CaptureVectors.SeceditExport));
        state.SetVariable("AlsCiToolLines", CiToolLines);
        state.SetVariable("AlsServicingEvents", ServicingEvents.Select(x => new RecordedEvent(x)).ToArray());
        state.SetVariable("AlsThrow", throwFor ?? string.Empty);
        state.SetVariable("AlsRegistry", RegistryKeys(recorded));
        state.SetVariable("AlsCim", CimClasses(recorded));
        state.SetVariable("AlsMethods", TpmMethods(recorded));
        state.SetVariable("AlsVariables", Variables(recorded));
        Environment.SetEnvironmentVariable("windir", windowsFolder);
        Environment.SetEnvironmentVariable("COMPUTERNAME", recorded.NodeName);
        Run(Stubs, null);
    }

    internal EvidenceBundle Recorded { get; }

    /// <summary>The real <c>citool -lp</c> text output (Vectors/appcontrol).</summary>
    internal static string[] CiToolLines => File.ReadAllLines(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "appcontrol", "snajd-appcontrol_module3-lab5_citool-lp_AuditPolicy.txt"));

    private static readonly string[] ServicingEventFiles = ["tpm-wmi-1808.xml", "tpm-wmi-1801.xml", "tpm-wmi-1795.xml"];

    /// <summary>The real TPM-WMI servicing events (Vectors/windows), newest first as the log hands them.</summary>
    internal static string[] ServicingEvents =>
        ServicingEventFiles.Select(f => File.ReadAllText(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "windows", f)).Trim()).ToArray();

    /// <summary>Runs the capture script with these parameters; returns the one JSON string it writes.</summary>
    internal string Capture(IDictionary<string, object> parameters)
    {
        var output = Run(CaptureScript.Text, parameters);
        return (string)Assert.Single(output).BaseObject;
    }

    /// <summary>Runs any script (such as the standalone collection script) in the recorded Windows stand-in.</summary>
    internal Collection<PSObject> RunScript(string script, IDictionary<string, object>? parameters = null) => Run(script, parameters);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("windir", null);
        Environment.SetEnvironmentVariable("COMPUTERNAME", null);
        _runspace.Dispose();
    }

    private Collection<PSObject> Run(string script, IDictionary<string, object>? parameters)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        if (parameters is not null)
        {
            ps.AddParameters((IDictionary)parameters);
        }

        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("The script wrote an error: " + ps.Streams.Error[0]);
        }

        return output;
    }

    private static Hashtable RegistryKeys(EvidenceBundle bundle)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var item in bundle.Items.Where(i => i.Kind == EvidenceKind.Registry && i.Succeeded))
        {
            var path = item.Registry!.Path;
            table["Registry::HKEY_LOCAL_MACHINE" + path.Substring("HKLM".Length)] = new RecordedRegistryKey(item.Registry);
        }

        return table;
    }

    private static Hashtable CimClasses(EvidenceBundle bundle)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        void Add(string key, string id, IEnumerable<string>? only = null)
        {
            if (bundle.Find(id) is { Succeeded: true } item)
            {
                table[key] = item.Records!.Select(r => Instance(r, only)).ToArray();
            }
        }

        Add(@"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard", SecuredCoreEvidenceIds.DeviceGuard);
        Add(@"root\Microsoft\Windows\SMB:MSFT_SmbServerConfiguration", SecuredCoreEvidenceIds.SmbServerConfiguration);
        Add(@"root\Microsoft\Windows\SMB:MSFT_SmbClientConfiguration", SecuredCoreEvidenceIds.SmbClientConfiguration);
        Add(@"root\Microsoft\Windows\Defender:MSFT_MpComputerStatus", SecuredCoreEvidenceIds.DefenderStatus);
        Add(@"root\Microsoft\Windows\Defender:MSFT_MpPreference", DefenderEvidenceIds.Preference);
        Add(@"root\CIMV2\Security\MicrosoftTpm:Win32_Tpm", TpmEvidenceIds.Win32Tpm, TpmInstanceProperties);
        table[@"root\cimv2:Win32_OperatingSystem"] = new[] { Object(("Caption", "Microsoft Azure Stack HCI"), ("Version", "10.0.25398"), ("BuildNumber", "25398"), ("OSArchitecture", "64-bit")) };
        table[@"root\cimv2:Win32_ComputerSystem"] = new[] { Object(("Domain", "contoso.example"), ("PartOfDomain", true)) };
        table[@"root\cimv2:Win32_UserAccount"] = new[]
        {
            Object(("SID", "S-1-5-21-1004336348-1177238915-682003330-500"), ("Name", "Administrator"), ("Disabled", false)),
            Object(("SID", "S-1-5-21-1004336348-1177238915-682003330-501"), ("Name", "Guest"), ("Disabled", true)),
            Object(("SID", "S-1-5-21-1004336348-1177238915-682003330-1001"), ("Name", "operator"), ("Disabled", false)),
        };
        return table;
    }

    private static readonly string[] TpmInstanceProperties =
    [
        "IsActivated_InitialValue", "IsEnabled_InitialValue", "IsOwned_InitialValue", "SpecVersion", "ManufacturerVersion", "ManufacturerVersionInfo",
        "ManufacturerId", "ManufacturerIdTxt", "ManufacturerVersionFull20", "PhysicalPresenceVersionInfo",
    ];

    /// <summary>The recorded Win32_Tpm method answers as Invoke-CimMethod returns them: ReturnValue (uint32 0) and the out parameter.</summary>
    private static Hashtable TpmMethods(EvidenceBundle bundle)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var records = bundle.Find(TpmEvidenceIds.Win32Tpm)?.Records;
        var record = records is { Count: > 0 } ? records[0] : null;
        if (record is null)
        {
            return table;
        }

        foreach (var (method, outName) in new[] { ("IsActivated", "IsActivated"), ("IsEnabled", "IsEnabled"), ("IsOwned", "IsOwned"), ("IsReady", "IsReady"), ("IsReadyInformation", "Information") })
        {
            if (record.Get(method) is { } value)
            {
                table[method] = Object(("ReturnValue", 0u), (outName, Clr(value)));
            }
        }

        return table;
    }

    private static Hashtable Variables(EvidenceBundle bundle)
    {
        var table = new Hashtable(StringComparer.Ordinal);
        foreach (var item in bundle.Items.Where(i => i.Kind == EvidenceKind.Blob && i.Succeeded && i.Id.StartsWith("firmware/variable/", StringComparison.Ordinal)))
        {
            var name = item.Id.Substring("firmware/variable/".Length);
            table[name.Substring(0, name.Length - 37)] = item.GetData();
        }

        return table;
    }

    private static PSObject Instance(EvidenceRecord record, IEnumerable<string>? only)
    {
        var o = new PSObject();
        foreach (var p in record.Properties.Where(p => only is null || only.Contains(p.Key)))
        {
            o.Properties.Add(new PSNoteProperty(p.Key, Clr(p.Value)));
        }

        return o;
    }

    private static PSObject Object(params (string Name, object? Value)[] properties)
    {
        var o = new PSObject();
        foreach (var (name, value) in properties)
        {
            o.Properties.Add(new PSNoteProperty(name, value));
        }

        return o;
    }

    /// <summary>A recorded value as the CIM provider hands it to PowerShell: unsigned as uint32 where it fits (the classes' uint32 properties), arrays of them as uint32[].</summary>
    private static object? Clr(EvidenceValue value) => value.Kind switch
    {
        EvidenceValueKind.Null => null,
        EvidenceValueKind.UInt64 when (ulong)value.Value! <= uint.MaxValue => (uint)(ulong)value.Value!,
        EvidenceValueKind.Int64 when (long)value.Value! is >= int.MinValue and <= int.MaxValue => (int)(long)value.Value!,
        EvidenceValueKind.UInt64Array => ((ulong[])value.Value!).Select(u => (uint)u).ToArray(),
        _ => value.Value,
    };

    /// <summary>A recorded event: what Get-WinEvent's EventLogRecord gives the script, its XML.</summary>
    public sealed class RecordedEvent
    {
        private readonly string _xml;

        internal RecordedEvent(string xml) => _xml = xml;

        public string ToXml() => _xml;
    }

    /// <summary>A recorded registry key with the members the script calls on a RegistryKey.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "RegistryValueKind is a plain enum here: the script reads its names; no registry is touched.")]
    public sealed class RecordedRegistryKey
    {
        private readonly RegistryKeyEvidence _key;

        internal RecordedRegistryKey(RegistryKeyEvidence key) => _key = key;

        public string[] GetValueNames() => _key.Values.Select(v => v.Name).ToArray();

        public string[] GetSubKeyNames() => _key.SubKeys.ToArray();

        public RegistryValueKind GetValueKind(string name) => Value(name).Kind switch
        {
            EvidenceValueKind.String => RegistryValueKind.String,
            EvidenceValueKind.ExpandString => RegistryValueKind.ExpandString,
            EvidenceValueKind.MultiString => RegistryValueKind.MultiString,
            EvidenceValueKind.DWord => RegistryValueKind.DWord,
            EvidenceValueKind.QWord => RegistryValueKind.QWord,
            _ => RegistryValueKind.Binary,
        };

        /// <summary>As RegistryKey.GetValue gives them: REG_DWORD as a signed int, REG_QWORD as a signed long.</summary>
        public object? GetValue(string name, object? defaultValue, RegistryValueOptions options)
        {
            _ = options;
            var value = _key.GetValue(name);
            return value is null ? defaultValue : value.Kind switch
            {
                EvidenceValueKind.DWord => unchecked((int)(uint)value.Value!),
                EvidenceValueKind.QWord => unchecked((long)(ulong)value.Value!),
                _ => value.Value,
            };
        }

        private EvidenceValue Value(string name) => _key.GetValue(name) ?? throw new IOException("No value " + name);
    }
}
