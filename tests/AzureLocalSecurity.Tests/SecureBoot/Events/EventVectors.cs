using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>The event XML files in Vectors/windows (see its PROVENANCE.md), and TPM-WMI events written the same way.</summary>
internal static class EventVectors
{
    internal const string CodeIntegrityFile = "AaronLockerV2_CI_3033-3089-3077-3089-3099_Win10-21H2_DESKTOP-7E3E45C.txt";
    internal const string TpmWmi1801 = "tpm-wmi-1801.xml";
    internal const string TpmWmi1795 = "tpm-wmi-1795.xml";
    internal const string TpmWmi1808 = "tpm-wmi-1808.xml";

    internal static string Folder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "windows");

    internal static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>The five real Code Integrity events, each cut from the file exactly as it stands there (indentation kept).</summary>
    internal static IReadOnlyList<string> CodeIntegrityEvents()
    {
        var text = Read(CodeIntegrityFile);
        var blocks = new List<string>();
        for (var start = text.IndexOf("<Event xmlns=", StringComparison.Ordinal); start >= 0; start = text.IndexOf("<Event xmlns=", start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf("</Event>", start, StringComparison.Ordinal) + "</Event>".Length;
            blocks.Add(text.Substring(start, end - start));
        }

        return blocks;
    }

    /// <summary>The three hand-made TPM-WMI events as a capture holds them: newest first, one per line.</summary>
    internal static string TpmWmiCapture() => string.Join("\n", Read(TpmWmi1808), Read(TpmWmi1795), Read(TpmWmi1801)) + "\n";

    /// <summary>A TPM-WMI event (or another provider's) in the shape of EventRecord.ToXml(), with the given data.</summary>
    internal static string Event(int id, string? time, long recordId, int level = 2, string provider = "Microsoft-Windows-TPM-WMI", params (string Name, string Value)[] data)
    {
        var guid = provider == "Microsoft-Windows-TPM-WMI" ? "{7d5387b0-cbe0-11da-a94d-0800200c9a66}" : "{4ee76bd8-3cf4-44a0-a0ac-3937643e37a3}";
        var timeElement = time is null ? "<TimeCreated/>" : $"<TimeCreated SystemTime='{time}'/>";
        var fields = string.Concat(data.Select(d => $"<Data Name='{SecurityElement.Escape(d.Name)}'>{SecurityElement.Escape(d.Value)}</Data>"));
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            + $"<Provider Name='{provider}' Guid='{guid}'/><EventID>{id.ToString(CultureInfo.InvariantCulture)}</EventID><Version>0</Version>"
            + $"<Level>{level.ToString(CultureInfo.InvariantCulture)}</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>{timeElement}"
            + $"<EventRecordID>{recordId.ToString(CultureInfo.InvariantCulture)}</EventRecordID><Correlation/><Execution ProcessID='4312' ThreadID='5120'/>"
            + "<Channel>System</Channel><Computer>NODE01.contoso.example</Computer><Security UserID='S-1-5-18'/></System>"
            + $"<EventData>{fields}</EventData></Event>";
    }
}
