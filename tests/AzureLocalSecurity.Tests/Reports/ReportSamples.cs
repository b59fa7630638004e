using System;
using System.Collections.Generic;
using System.IO;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Tests.Reports;

/// <summary>Results built here for the report tests: every status, every severity, two nodes, and text meant to break out of each format.</summary>
internal static class ReportSamples
{
    internal static readonly DateTimeOffset GeneratedAt = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(1));

    /// <summary>Text that would end a script block, inject markup, a CSV formula, CEF and CSV separators, a line break.</summary>
    internal const string Hostile = "</script><img src=x onerror=alert(1)>, \"quoted\" | pipe = eq \\ back\nsecond line";

    internal static List<SecurityCheckResult> Results() =>
    [
        new("ALSEC-PLAT-001", "UEFI firmware", "Platform", CheckStatus.Compliant, Severity.High, "Uefi", "Uefi", "Win32_ComputerSystem", null, null, ["Azure Local requirements"], "NODE01"),
        new("ALSEC-SB-001", "Secure Boot is on", "SecureBoot", CheckStatus.NonCompliant, Severity.Critical, "On", "Off", "UEFI SecureBoot variable", null, "Turn Secure Boot on in the firmware.", ["NIST SP 800-53 SI-7"], "NODE01"),
        new("ALSEC-BL-001", "LSA protection", "Baseline", CheckStatus.NonCompliant, Severity.Medium, "1", "(absent)", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa RunAsPPL", null, "Set RunAsPPL to 1.", ["CIS 18.4.1", "STIG V-254"], "NODE02"),
        new("ALSEC-TPM-002", "TPM lockout is short", "Tpm", CheckStatus.NonCompliant, Severity.Low, "<= 10 min", "30 min", "TPM2_GetCapability", null, null, [], "NODE02"),
        new("ALSEC-SB-001", "Secure Boot is on", "SecureBoot", CheckStatus.NotApplicable, Severity.Informational, null, null, null, "BIOS machine", null, [], "NODE02"),
        new("ALSEC-BLK-001", "OS volume encrypted", "BitLocker", CheckStatus.Unknown, Severity.High, "Encrypted", null, "Win32_EncryptableVolume", "Access denied reading the volume.", null, [], "NODE01"),
        new("ALSEC-AC-001", "App Control enforced", "AppControl", CheckStatus.Error, Severity.Medium, "Enforced", null, "CiTool", "CiTool output could not be parsed.", null, [], "NODE02"),
        new("ALSEC-X-666", Hostile, "Platform", CheckStatus.NonCompliant, Severity.High, "=1+2", Hostile, "C:\\path|x=y\\", null, "@SUM(A1)", ["-cmd", Hostile], "NODE01"),
    ];

    internal static SecurityReport Report(string? title = "Contoso cluster") => new(title, GeneratedAt, "0.1.0", Results());

    internal static string Write(SecurityReport report, ReportFormat format, CefOptions? options = null)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ReportFile.Write(report, format, writer, options);
        return writer.ToString();
    }
}
