using System;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Enables one privilege on the process token for the life of the scope and restores the previous state on Dispose.
/// The token is the whole process's (every runspace shares it), which is why the state is always put back (WINAPI.md §1.3).
/// Never throws: <see cref="Enabled"/> and <see cref="Error"/> say what happened.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class PrivilegeScope : IDisposable
{
    private readonly Advapi32Token.SafeTokenHandle? _token;
    private Advapi32Token.TokenPrivileges1 _previous;

    private PrivilegeScope(Advapi32Token.SafeTokenHandle? token, Advapi32Token.TokenPrivileges1 previous, bool enabled, int error)
    {
        _token = token;
        _previous = previous;
        Enabled = enabled;
        Error = error;
    }

    /// <summary>True when the privilege is enabled in the token.</summary>
    public bool Enabled { get; }

    /// <summary>The Win32 error that kept it from being enabled (1300 ERROR_NOT_ALL_ASSIGNED: the token does not hold it), or 0.</summary>
    public int Error { get; }

    /// <summary>Tries to enable <paramref name="privilege"/> (such as <c>SeSecurityPrivilege</c>).</summary>
    public static PrivilegeScope Enable(string privilege)
    {
        if (!Advapi32Token.OpenProcessToken(Kernel32.GetCurrentProcess(), Advapi32Token.TokenAdjustPrivileges | Advapi32Token.TokenQuery, out var token))
        {
            var error = Marshal.GetLastWin32Error();
            token.Dispose();
            return new PrivilegeScope(null, default, false, error);
        }

        if (!Advapi32Token.LookupPrivilegeValueW(null, privilege, out var luid))
        {
            var error = Marshal.GetLastWin32Error();
            token.Dispose();
            return new PrivilegeScope(null, default, false, error);
        }

        var request = new Advapi32Token.TokenPrivileges1
        {
            PrivilegeCount = 1,
            Privilege = new Advapi32Token.LuidAndAttributes { Luid = luid, Attributes = Advapi32Token.SePrivilegeEnabled },
        };
        var size = (uint)Marshal.SizeOf<Advapi32Token.TokenPrivileges1>();
        var ok = Advapi32Token.AdjustTokenPrivileges(token, false, ref request, size, out var previous, out _);
        var lastError = Marshal.GetLastWin32Error();
        if (!ok)
        {
            token.Dispose();
            return new PrivilegeScope(null, default, false, lastError);
        }

        // Success with ERROR_NOT_ALL_ASSIGNED means the token does not hold the privilege; nothing changed.
        return lastError == Advapi32Token.ErrorNotAllAssigned
            ? new PrivilegeScope(token, default, false, lastError)
            : new PrivilegeScope(token, previous, true, 0);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_token is null)
        {
            return;
        }

        // PrivilegeCount is 0 when the privilege was already enabled: nothing to put back.
        if (_previous.PrivilegeCount != 0 && !_token.IsClosed)
        {
            _ = Advapi32Token.AdjustTokenPrivileges(_token, false, ref _previous, 0, IntPtr.Zero, IntPtr.Zero);
            _previous = default;
        }

        _token.Dispose();
    }
}
