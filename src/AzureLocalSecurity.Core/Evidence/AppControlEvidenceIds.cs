using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the App Control for Business (WDAC) live facts are filed under (issue 8), and the record shapes. Everything is
/// kept as Windows gave it: CiTool's output as text, the deployed policy files byte for byte, the Code Integrity events as
/// their XML; meaning is derived only when a bundle is read (<see cref="AppControl.Live.AppControlAnalyzer"/>). The node's
/// enforcement status is not filed here: it is Win32_DeviceGuard's <c>CodeIntegrityPolicyEnforcementStatus</c> and
/// <c>UsermodeCodeIntegrityPolicyEnforcementStatus</c>, which the Secured-core collector files under
/// <see cref="SecuredCoreEvidenceIds.DeviceGuard"/> (and the kernel's CODEINTEGRITY_OPTION_* bits under
/// <see cref="BaselineEvidenceIds.CodeIntegrity"/>). A Linux node has none of these items: App Control is Windows'.
/// </summary>
public static class AppControlEvidenceIds
{
    /// <summary>The event log the Code Integrity events are read from.</summary>
    public const string CodeIntegrityLogName = "Microsoft-Windows-CodeIntegrity/Operational";

    /// <summary>
    /// <c>windows/tool/CiTool/list-policies</c>: Text, what <c>%windir%\System32\CiTool.exe --list-policies --json</c> wrote
    /// to standard output, decoded (UTF-16 when it starts with a UTF-16 byte order mark or has the NUL pattern of UTF-16 text,
    /// UTF-8 otherwise), or, when that output is not JSON, what <c>CiTool.exe --list-policies</c> wrote (the text form, one
    /// <c>Key: Value</c> line per fact). <see cref="CiToolRun"/> says which. An error when CiTool could not give a listing:
    /// NotFound when <c>CiTool.exe</c> is not there (Windows builds before Windows 11 22H2 and Windows Server 2025 do not ship
    /// it), AccessDenied when it could not be started for lack of rights, Failed when it did not finish in time or could not be
    /// started for another reason. A non-zero exit code is not an error here: the output is kept and the code recorded.
    /// </summary>
    public const string CiToolPolicies = "windows/tool/CiTool/list-policies";

    /// <summary>
    /// <c>windows/tool/CiTool/list-policies/run</c>: one record about the run whose output <see cref="CiToolPolicies"/> holds:
    /// <c>Path</c> (String), <c>Arguments</c> (MultiString), <c>Format</c> (String: <see cref="JsonFormat"/> or
    /// <see cref="TextFormat"/>), <c>ExitCode</c> (Int64), <c>StandardError</c> (String, at most 4,096 characters, empty when
    /// there was none), <c>Encoding</c> (String: <c>utf-8</c> or <c>utf-16le</c>), <c>TimedOut</c> (Boolean) and, when the JSON
    /// run was replaced by the text run, <c>JsonExitCode</c> (Int64). The same error as <see cref="CiToolPolicies"/> when CiTool
    /// could not be started at all.
    /// </summary>
    public const string CiToolRun = "windows/tool/CiTool/list-policies/run";

    /// <summary>The value of <see cref="CiToolRun"/>'s <c>Format</c> when the output is CiTool's JSON.</summary>
    public const string JsonFormat = "json";

    /// <summary>The value of <see cref="CiToolRun"/>'s <c>Format</c> when the output is CiTool's text form.</summary>
    public const string TextFormat = "text";

    /// <summary>The record property of <see cref="CiToolRun"/> that says which form the output is in.</summary>
    public const string FormatProperty = "Format";

    /// <summary>The record property of <see cref="CiToolRun"/> that holds CiTool's exit code.</summary>
    public const string ExitCodeProperty = "ExitCode";

    /// <summary>
    /// <c>windows/folder/CodeIntegrity/CiPolicies/Active</c>: the deployed multiple-policy-format files, one record per
    /// <c>*.cip</c> file of <c>%windir%\System32\CodeIntegrity\CiPolicies\Active</c>, in ordinal order of name: <c>Name</c>
    /// (String, the file name such as <c>{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip</c>), <c>Length</c> (UInt64) and
    /// <c>LastWriteTime</c> (DateTime, UTC). No record when the folder holds no policy. NotFound when the folder does not exist
    /// (no multiple-policy-format policy was ever deployed); AccessDenied; Failed otherwise. Each file's bytes are in
    /// <see cref="ActivePolicyFile"/>.
    /// </summary>
    public const string ActivePoliciesFolder = "windows/folder/CodeIntegrity/CiPolicies/Active";

    /// <summary>
    /// <c>windows/file/CodeIntegrity/SiPolicy.p7b</c>: a Blob of <c>%windir%\System32\CodeIntegrity\SiPolicy.p7b</c>, the
    /// single-policy-format policy, byte for byte. NotFound when there is none (the usual case).
    /// </summary>
    public const string SiPolicyFile = "windows/file/CodeIntegrity/SiPolicy.p7b";

    /// <summary>
    /// <c>windows/file/CodeIntegrity/driversipolicy.p7b</c>: a Blob of <c>%windir%\System32\CodeIntegrity\driversipolicy.p7b</c>,
    /// the binary of the inbox Microsoft Windows Driver Policy (Microsoft's "Inbox App Control policies" page). NotFound when
    /// there is none.
    /// </summary>
    public const string DriverPolicyFile = "windows/file/CodeIntegrity/driversipolicy.p7b";

    /// <summary>
    /// <c>windows/eventlog/Microsoft-Windows-CodeIntegrity/Operational</c>: Text, the events <see cref="EventIds"/> of the last
    /// <c>Days</c> days (<see cref="CodeIntegrityEventQuery"/>), each as Windows renders its XML (<c>EventRecord.ToXml()</c>), one
    /// after another, newest first, at most <c>MaxRecords</c>. Empty text when the log holds none. NotFound when the log does not
    /// exist; AccessDenied; Failed, with the message.
    /// </summary>
    public const string CodeIntegrityEvents = "windows/eventlog/Microsoft-Windows-CodeIntegrity/Operational";

    /// <summary>
    /// <c>windows/eventlog/Microsoft-Windows-CodeIntegrity/Operational/query</c>: one record about the read of
    /// <see cref="CodeIntegrityEvents"/>: <c>Query</c> (String, the XPath), <c>Days</c> (UInt64, the window), <c>MaxRecords</c>
    /// (UInt64), <c>Count</c> (UInt64, the events kept) and <c>Truncated</c> (Boolean: the log held more events in the window
    /// than were kept, so the oldest are missing). An error as for the events when they could not be read.
    /// </summary>
    public const string CodeIntegrityEventQuery = "windows/eventlog/Microsoft-Windows-CodeIntegrity/Operational/query";

    /// <summary>The largest policy file kept: Azure Local's base policy is well under 1 MiB; a 16 MiB file is not a policy.</summary>
    public const int MaxPolicyFileBytes = 16 * 1024 * 1024;

    /// <summary>The most <c>*.cip</c> files kept from the Active folder.</summary>
    public const int MaxPolicyFiles = 256;

    /// <summary>
    /// The Code Integrity events kept (Microsoft's "Understanding App Control event IDs"): 3033 (a file did not meet the
    /// signing level requirements, with a 3077 when a policy caused it) and 3034 (its audit-mode equivalent), 3076 (audit mode:
    /// would have been blocked), 3077 (enforced: blocked), 3089 (signature information, one per signature, correlated by the
    /// System Correlation ActivityID) and 3099 (a policy was loaded, with its options).
    /// </summary>
    public static readonly IReadOnlyList<int> EventIds = [3033, 3034, 3076, 3077, 3089, 3099];

    /// <summary>
    /// <c>windows/file/CodeIntegrity/CiPolicies/Active/&lt;file name&gt;</c>: a Blob of one deployed policy file, byte for byte
    /// (signed policies keep their PKCS#7 wrapping). Failed when it is larger than <see cref="MaxPolicyFileBytes"/>; NotFound
    /// when it went away between the listing and the read; AccessDenied.
    /// </summary>
    public static string ActivePolicyFile(string fileName)
    {
        if (string.IsNullOrEmpty(fileName) || fileName.IndexOfAny(['\\', '/']) >= 0)
        {
            throw new ArgumentException("A policy file is named by its file name alone.", nameof(fileName));
        }

        return "windows/file/CodeIntegrity/CiPolicies/Active/" + fileName;
    }
}
