using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>The real event logs in Vectors/eventlog (see its PROVENANCE.md) and the PCR tables published with them.</summary>
public static class EventLogVectors
{
    internal const string BootOrder = "event-bootorder.bin";
    internal const string GceUbuntu = "event-gce-ubuntu-2104-log.bin";
    internal const string PostCode = "event-postcode.bin";
    internal const string UefiSha1 = "event-uefi-sha1-log.bin";
    internal const string UefiVar = "event-uefivar.bin";
    internal const string SpecIdVendorData = "specid-vendordata.bin";
    internal const string WindowsJson = "windows_gcp_shielded_vm.json";

    /// <summary>The PCRs FORMATS.md says the Windows log's replay reproduces.</summary>
    internal static readonly int[] WindowsReplayedPcrs = [0, 4, 5, 7, 11, 12, 13, 14];

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "eventlog");

    /// <summary>The logs with a published tpm2_eventlog output.</summary>
    public static IEnumerable<object[]> WithPublishedPcrs => new[] { BootOrder, GceUbuntu, PostCode, UefiSha1 }.Select(f => new object[] { f });

    /// <summary>
    /// Every well-formed firmware log file. specid-vendordata.bin is not one: its Spec ID EventSize leaves out the 4 bytes of
    /// vendorInfo (tpm2-software/tpm2-tools issue #2190), so the parser refuses it (see TcgEventLogParseTests).
    /// </summary>
    public static IEnumerable<object[]> AllFirmwareLogs => new[] { BootOrder, GceUbuntu, PostCode, UefiSha1, UefiVar }.Select(f => new object[] { f });

    internal static string PathOf(string file) => Path.Combine(Folder, file);

    internal static byte[] Read(string file) => File.ReadAllBytes(PathOf(file));

    /// <summary>The Windows log: base64 Log.Raw of the go-attestation vector.</summary>
    internal static byte[] WindowsLog()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PathOf(WindowsJson)));
        return Convert.FromBase64String(json.RootElement.GetProperty("Log").GetProperty("Raw").GetString()!);
    }

    /// <summary>The Windows machine's real SHA-1 PCRs: Log.PCRs, index to upper-case hex.</summary>
    internal static Dictionary<int, string> WindowsPcrs()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PathOf(WindowsJson)));
        var result = new Dictionary<int, string>();
        foreach (var pcr in json.RootElement.GetProperty("Log").GetProperty("PCRs").EnumerateArray())
        {
            // DigestAlg is Go's crypto.Hash: 3 is SHA-1.
            if (pcr.GetProperty("DigestAlg").GetInt32() == 3)
            {
                result[pcr.GetProperty("Index").GetInt32()] = Convert.ToHexString(Convert.FromBase64String(pcr.GetProperty("Digest").GetString()!));
            }
        }

        return result;
    }

    /// <summary>The published <c>pcrs:</c> table at the end of a *.bin.yaml: bank to PCR index to upper-case hex.</summary>
    internal static Dictionary<string, Dictionary<int, string>> PublishedPcrs(string file) =>
        ReadPcrTable(File.ReadAllLines(PathOf(file + ".yaml")));

    /// <summary>
    /// Reads tpm2_eventlog's <c>pcrs:</c> table: after a line "pcrs:", a line "  bank:" starts a bank and each line
    /// "    N  : 0xHEX" is a PCR. A small reader for this one shape, not YAML in general.
    /// </summary>
    internal static Dictionary<string, Dictionary<int, string>> ReadPcrTable(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        Dictionary<int, string>? bank = null;
        var inTable = false;
        foreach (var line in lines)
        {
            if (line == "pcrs:")
            {
                inTable = true;
                result.Clear();
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            var trimmed = line.Trim();
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal) && trimmed.EndsWith(':'))
            {
                bank = new Dictionary<int, string>();
                result[trimmed.TrimEnd(':')] = bank;
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (bank is not null && line.StartsWith("    ", StringComparison.Ordinal) && colon > 0)
            {
                var index = int.Parse(trimmed[..colon].Trim(), CultureInfo.InvariantCulture);
                var value = trimmed[(colon + 1)..].Trim();
                bank[index] = value.StartsWith("0x", StringComparison.Ordinal) ? value[2..].ToUpperInvariant() : value.ToUpperInvariant();
                continue;
            }

            if (trimmed.Length > 0)
            {
                // Anything else ends the table (a following document).
                inTable = false;
                bank = null;
            }
        }

        return result;
    }
}
