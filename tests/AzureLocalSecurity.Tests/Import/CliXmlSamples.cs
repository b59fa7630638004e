using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using System.Xml;

// The arrays are property values of sample objects, built once per test.
#pragma warning disable CA1861

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// CLIXML written by the real PowerShell serializer (PSSerializer, what Export-Clixml and remoting use) from objects shaped
/// as the CIM instances Get-CimInstance returns: the CIM type names, the class's properties as adapted properties (so they
/// land in Props, as a CimInstance's do), PSComputerName, and a __ClassMetadata member as the serializer attaches to a
/// CimInstance (hidden there; a plain note here, which lands in MS all the same). Without the metadata they can also be
/// read back by PowerShell's own deserializer, the tests' oracle: with it, the deserializer rebuilds a CimInstance, which
/// needs libmi. A real Microsoft.Management.Infrastructure.CimInstance cannot be made here: its constructor needs the
/// native libmi, which the Unix runtime package does not ship (DllNotFoundException).
/// </summary>
internal static class CliXmlSamples
{
    internal const string DeviceGuardNamespace = "root/Microsoft/Windows/DeviceGuard";

    /// <summary>Windows PowerShell 5.1's Export-Clixml: UTF-16 LE with a byte order mark.</summary>
    internal static byte[] Utf16WithBom(string xml) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)];

    /// <summary>PowerShell 7's Export-Clixml: UTF-8 without a byte order mark.</summary>
    internal static byte[] Utf8(string xml) => new UTF8Encoding(false).GetBytes(xml);

    /// <summary>
    /// The objects as Export-Clixml writes a pipeline of them: each at the top level, one serializer for all (so type names
    /// and objects already written become TNRef and Ref). Export-Clixml's own serializer class is internal to the engine
    /// (and the hosted engine has no Microsoft.PowerShell.Utility), so it is reached by reflection, with the writer settings
    /// the cmdlet uses (indented, no XML declaration).
    /// </summary>
    internal static string Export(int depth, params object[] objects)
    {
        var type = typeof(PSSerializer).Assembly.GetType("System.Management.Automation.Serializer", throwOnError: true)!;
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            var serializer = Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, [writer, depth, true], null)!;
            var serialize = type.GetMethod("Serialize", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, [typeof(object)], null)!;
            foreach (var obj in objects)
            {
                _ = serialize.Invoke(serializer, [obj]);
            }

            _ = type.GetMethod("Done", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.Invoke(serializer, null);
        }

        return text.ToString();
    }

    internal static PSObject DeviceGuard(bool classMetadata = true) => Cim(
        DeviceGuardNamespace,
        "Win32_DeviceGuard",
        new Win32DeviceGuard
        {
            AvailableSecurityProperties = [1, 2, 3, 4, 5, 7],
            CodeIntegrityPolicyEnforcementStatus = 2,
            InstanceIdentifier = "4ff40742-2649-41b8-bdd1-e80fad1cce80",
            RequiredSecurityProperties = [1, 2],
            SecurityServicesConfigured = [1, 2, 3],
            SecurityServicesRunning = [1, 2],
            SmmIsolationLevel = 0,
            UsermodeCodeIntegrityPolicyEnforcementStatus = 1,
            Version = "1.0",
            VirtualizationBasedSecurityStatus = 2,
            VirtualMachineIsolation = false,
            VirtualMachineIsolationProperties = [],
        },
        classMetadata);

    internal static PSObject Tpm(bool classMetadata = true) => Cim(
        "root/CIMV2/Security/MicrosoftTpm",
        "Win32_Tpm",
        new Win32Tpm
        {
            IsActivated_InitialValue = true,
            IsEnabled_InitialValue = true,
            IsOwned_InitialValue = true,
            ManufacturerId = 1229870147,
            ManufacturerIdTxt = "INTC",
            ManufacturerVersion = "600.18.0.0",
            ManufacturerVersionFull20 = "600.18.0.0",
            ManufacturerVersionInfo = "Intel",
            PhysicalPresenceVersionInfo = "1.3",
            SpecVersion = "2.0, 0, 1.59",
        },
        classMetadata);

    internal static PSObject EncryptableVolume(string driveLetter, uint protectionStatus, bool classMetadata = true) => Cim(
        "root/CIMV2/Security/MicrosoftVolumeEncryption",
        "Win32_EncryptableVolume",
        new Win32EncryptableVolume
        {
            ConversionStatus = 1,
            DeviceID = @"\\?\Volume{3c8e3a87-0000-0000-0000-100000000000}\",
            DriveLetter = driveLetter,
            EncryptionMethod = 7,
            IsVolumeInitializedForProtection = true,
            PersistentVolumeID = "{A0B1C2D3-0000-0000-0000-000000000000}",
            ProtectionStatus = protectionStatus,
            VolumeType = 0,
        },
        classMetadata);

    internal static PSObject SmbServerConfiguration(bool classMetadata = true) => Cim(
        "ROOT/Microsoft/Windows/SMB",
        "MSFT_SmbServerConfiguration",
        new MsftSmbServerConfiguration
        {
            AnnounceComment = "line one\nline two\t_x0041_",
            AuditSmb1Access = false,
            AutoDisconnectTimeout = 15,
            CachedOpenLimit = 10,
            DurableHandleV2TimeoutInSeconds = 180,
            EnableSMB1Protocol = false,
            EnableSMB2Protocol = true,
            EncryptData = true,
            EncryptionCiphers = "AES_128_GCM, AES_128_CCM, AES_256_GCM, AES_256_CCM",
            InvalidAuthenticationDelayTimeInMs = 2000,
            MaxChannelPerSession = 32,
            RejectUnencryptedAccess = true,
            RequireSecuritySignature = true,
            Smb2DialectMin = 785,
            SmbServerNameHardeningLevel = 0,
        },
        classMetadata);

    /// <summary>The object as a CimInstance is serialized: type names, adapted properties, hidden __ClassMetadata.</summary>
    internal static PSObject Cim(string ns, string className, object shape, bool classMetadata)
    {
        var pso = new PSObject(shape);
        pso.TypeNames.Clear();
        pso.TypeNames.Add($"Microsoft.Management.Infrastructure.CimInstance#{ns}/{className}");
        pso.TypeNames.Add($"Microsoft.Management.Infrastructure.CimInstance#{className}");
        pso.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance");
        pso.TypeNames.Add("System.Object");
        if (!classMetadata)
        {
            return pso;
        }

        var own = new PSObject();
        own.TypeNames.Clear();
        own.Properties.Add(new PSNoteProperty("ClassName", className));
        own.Properties.Add(new PSNoteProperty("Namespace", ns));
        own.Properties.Add(new PSNoteProperty("ServerName", "NODE01"));
        own.Properties.Add(new PSNoteProperty("Hash", 12345));
        own.Properties.Add(new PSNoteProperty("MiXml", $"<CLASS NAME=\"{className}\"></CLASS>"));
        pso.Properties.Add(new PSNoteProperty("__ClassMetadata", new ArrayList { own }));
        return pso;
    }

    /// <summary>One note property of each type the capture format has, and of the other primitive types.</summary>
    internal static PSObject EveryType()
    {
        var pso = new PSObject();
        pso.TypeNames.Clear();
        pso.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Test_EveryType");
        var values = new List<(string, object?)>
        {
            ("String", "text"),
            ("Boolean", true),
            ("Byte", (byte)200),
            ("SByte", (sbyte)-100),
            ("Int16", (short)-30000),
            ("UInt16", (ushort)60000),
            ("Int32", int.MinValue),
            ("UInt32", uint.MaxValue),
            ("Int64", long.MinValue),
            ("UInt64", ulong.MaxValue),
            ("DateTimeUtc", new DateTime(2026, 11, 1, 8, 30, 0, 123, DateTimeKind.Utc)),
            ("ByteArray", new byte[] { 0, 1, 2, 254, 255 }),
            ("UInt16Array", new ushort[] { 0, 65535 }),
            ("UInt32Array", new uint[] { 0, 1, 4294967295 }),
            ("UInt64Array", new ulong[] { 18446744073709551615 }),
            ("Int32Array", new[] { -1, 0, 1 }),
            ("Int64Array", new[] { long.MinValue, long.MaxValue }),
            ("StringArray", new[] { "a", null, "c" }),
            ("Null", null),
            ("Double", 1.5),
            ("Decimal", 79228162514264337593543950335m),
            ("Guid", new Guid("0cce9213-69ae-11d9-bed3-505054503030")),
            ("TimeSpan", TimeSpan.FromMinutes(90)),
            ("Char", 'Z'),
            ("Version", new Version(10, 0, 25398, 1189)),
            ("Enum", DayOfWeek.Friday),
        };
        foreach (var (name, value) in values)
        {
            pso.Properties.Add(new PSNoteProperty(name, value));
        }

        return pso;
    }

    public sealed class Win32DeviceGuard
    {
        public uint[]? AvailableSecurityProperties { get; set; }

        public uint CodeIntegrityPolicyEnforcementStatus { get; set; }

        public string? InstanceIdentifier { get; set; }

        public uint[]? RequiredSecurityProperties { get; set; }

        public uint[]? SecurityServicesConfigured { get; set; }

        public uint[]? SecurityServicesRunning { get; set; }

        public byte SmmIsolationLevel { get; set; }

        public uint UsermodeCodeIntegrityPolicyEnforcementStatus { get; set; }

        public string? Version { get; set; }

        public uint VirtualizationBasedSecurityStatus { get; set; }

        public bool VirtualMachineIsolation { get; set; }

        public uint[]? VirtualMachineIsolationProperties { get; set; }

        public string? PSComputerName { get; set; }

        public override string ToString() => "Win32_DeviceGuard";
    }

    public sealed class Win32Tpm
    {
        public bool IsActivated_InitialValue { get; set; }

        public bool IsEnabled_InitialValue { get; set; }

        public bool IsOwned_InitialValue { get; set; }

        public uint ManufacturerId { get; set; }

        public string? ManufacturerIdTxt { get; set; }

        public string? ManufacturerVersion { get; set; }

        public string? ManufacturerVersionFull20 { get; set; }

        public string? ManufacturerVersionInfo { get; set; }

        public string? PhysicalPresenceVersionInfo { get; set; }

        public string? SpecVersion { get; set; }

        public string? PSComputerName { get; set; }

        public override string ToString() => "Win32_Tpm";
    }

    public sealed class Win32EncryptableVolume
    {
        public uint ConversionStatus { get; set; }

        public string? DeviceID { get; set; }

        public string? DriveLetter { get; set; }

        public uint EncryptionMethod { get; set; }

        public bool IsVolumeInitializedForProtection { get; set; }

        public string? PersistentVolumeID { get; set; }

        public uint ProtectionStatus { get; set; }

        public uint VolumeType { get; set; }

        public string? PSComputerName { get; set; }

        public override string ToString() => $"Win32_EncryptableVolume (DeviceID = \"{DeviceID}\")";
    }

    public sealed class MsftSmbServerConfiguration
    {
        public string? AnnounceComment { get; set; }

        public bool AuditSmb1Access { get; set; }

        public uint AutoDisconnectTimeout { get; set; }

        public uint CachedOpenLimit { get; set; }

        public uint DurableHandleV2TimeoutInSeconds { get; set; }

        public bool EnableSMB1Protocol { get; set; }

        public bool EnableSMB2Protocol { get; set; }

        public bool EncryptData { get; set; }

        public string? EncryptionCiphers { get; set; }

        public uint InvalidAuthenticationDelayTimeInMs { get; set; }

        public uint MaxChannelPerSession { get; set; }

        public bool RejectUnencryptedAccess { get; set; }

        public bool RequireSecuritySignature { get; set; }

        public ushort Smb2DialectMin { get; set; }

        public uint SmbServerNameHardeningLevel { get; set; }

        public string? PSComputerName { get; set; }

        public override string ToString() => "MSFT_SmbServerConfiguration";
    }
}
