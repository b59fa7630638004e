using System.ComponentModel;
using System.Globalization;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Messages for failed Windows calls: the API, the code in decimal and hex, and its text. Each status convention
/// is translated the documented way (WINAPI.md §0.6): Win32 codes through the system message table, NTSTATUS
/// through LsaNtStatusToWinError first, NET_API_STATUS NERR_* codes from lmerr.h (their text is in netmsg.dll,
/// which Win32Exception does not consult).
/// </summary>
internal static class NativeErrorText
{
    internal const uint ErrorInvalidParameter = 87;

    /// <summary>A Win32 error code from GetLastError or a NET_API_STATUS below NERR_BASE.</summary>
    internal static string Win32(string api, int error) =>
        $"{api} failed with Win32 error {error.ToString(CultureInfo.InvariantCulture)} (0x{error.ToString("X8", CultureInfo.InvariantCulture)}): {Win32Message(error)}";

    /// <summary>An NTSTATUS and the Win32 code LsaNtStatusToWinError gave for it.</summary>
    internal static string NtStatus(string api, int status, uint win32Error) =>
        $"{api} failed with NTSTATUS 0x{status.ToString("X8", CultureInfo.InvariantCulture)} (Win32 error {win32Error.ToString(CultureInfo.InvariantCulture)}: {Win32Message(unchecked((int)win32Error))})";

    /// <summary>
    /// A NET_API_STATUS; for ERROR_INVALID_PARAMETER the parm_err index of the first bad structure member is added
    /// (the *_PARMNUM values listed on the NetUserModalsSet and NetUserSetInfo pages).
    /// </summary>
    internal static string NetApi(string api, uint status, uint parmErr)
    {
        var text = NerrMessage(status) ?? Win32Message(unchecked((int)status));
        var code = status.ToString(CultureInfo.InvariantCulture);
        var parm = status == ErrorInvalidParameter && parmErr != 0
            ? $" (parm_err {parmErr.ToString(CultureInfo.InvariantCulture)}: the first structure member the API rejected)"
            : string.Empty;
        return $"{api} failed with NET_API_STATUS {code}: {text}{parm}";
    }

    /// <summary>The text of the NERR_* codes these writers can meet (lmerr.h), or null for any other code.</summary>
    internal static string? NerrMessage(uint status) => status switch
    {
        2202 => "NERR_BadUsername: the user name or group name parameter is invalid.",
        2221 => "NERR_UserNotFound: the user name could not be found.",
        2224 => "NERR_UserExists: the account already exists.",
        2226 => "NERR_NotPrimary: this operation is only allowed on the primary domain controller of the domain.",
        2234 => "NERR_SpeGroupOp: this operation is not allowed on this special group.",
        2245 => "NERR_PasswordTooShort: the password does not meet the password policy requirements.",
        2351 => "NERR_InvalidComputer: this computer name is invalid.",
        2452 => "NERR_LastAdmin: this operation is not allowed on the last administrative account.",
        _ => null,
    };

    private static string Win32Message(int error) => new Win32Exception(error).Message;
}
