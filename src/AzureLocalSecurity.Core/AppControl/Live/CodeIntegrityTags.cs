using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>The values of the Code Integrity event tags, as Microsoft's "Understanding App Control event tags" page tabulates them.</summary>
internal static class CodeIntegrityTags
{
    private static readonly Dictionary<int, string> SigningLevels = new()
    {
        [0] = "Signing level hasn't yet been checked",
        [1] = "Unsigned or no signature that passes the active policies",
        [2] = "Trusted by App Control for Business policy",
        [3] = "Developer signed code",
        [4] = "Authenticode signed",
        [5] = "Microsoft Store signed app PPL",
        [6] = "Microsoft Store-signed",
        [7] = "Signed by an antimalware vendor whose product uses AMPPL",
        [8] = "Microsoft signed",
        [11] = "Only used for signing of the .NET NGEN compiler",
        [12] = "Windows signed",
        [14] = "Windows Trusted Computing Base signed",
    };

    private static readonly Dictionary<int, string> SignatureTypes = new()
    {
        [0] = "Unsigned or verification hasn't been attempted",
        [1] = "Embedded signature",
        [2] = "Cached signature",
        [3] = "Cached catalog",
        [4] = "Uncached catalog",
        [5] = "Catalog hinted by an extended attribute",
        [6] = "AppX / MSIX package catalog",
        [7] = "File was verified",
    };

    private static readonly Dictionary<int, string> VerificationErrors = new()
    {
        [0] = "Successfully verified signature",
        [1] = "File has an invalid hash",
        [2] = "File contains shared writable sections",
        [3] = "File isn't signed",
        [4] = "Revoked signature",
        [5] = "Expired signature",
        [6] = "Signed using a weak hashing algorithm",
        [7] = "Invalid root certificate",
        [8] = "Signature was unable to be validated",
        [9] = "Signing time not trusted",
        [10] = "Must be signed using page hashes",
        [11] = "Page hash mismatch",
        [12] = "Not valid for a PPL",
        [13] = "Not valid for a PP",
        [14] = "Missing the required ARM processor EKU",
        [15] = "Failed WHQL check",
        [16] = "Default policy signing level not met",
        [17] = "Custom policy signing level not met",
        [18] = "Custom signing level not met (CISigners)",
        [19] = "Binary is revoked based on its file hash",
        [20] = "SHA1 certificate hash's timestamp missing or after the cutoff",
        [21] = "Failed to pass App Control for Business policy",
        [22] = "Not Isolated User Mode (IUM) signed",
        [23] = "Invalid image hash",
        [24] = "Flight root not allowed",
        [25] = "Anti-cheat policy violation",
        [26] = "Explicitly denied by App Control policy",
        [27] = "The signing chain appears to be tampered or invalid",
        [28] = "Resource page hash mismatch",
    };

    internal static string? SigningLevel(int? value) => Name(SigningLevels, value);

    internal static string? SignatureType(int? value) => Name(SignatureTypes, value);

    internal static string? VerificationError(int? value) => Name(VerificationErrors, value);

    private static string? Name(Dictionary<int, string> table, int? value) =>
        value is { } v ? table.TryGetValue(v, out var name) ? name : "Value " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (not documented)" : null;
}
