using System;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Enables one privilege on the process token and puts it back as it was when disposed (WINAPI.md §1.3). The
/// process token is shared by every runspace in the host, so the scope is kept as short as the call that needs it.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class TokenPrivilegeScope : IDisposable
{
    private readonly Advapi32Token.SafeTokenHandle _token;
    private Advapi32Token.TokenPrivileges1 _previous;
    private bool _disposed;

    private TokenPrivilegeScope(Advapi32Token.SafeTokenHandle token, Advapi32Token.TokenPrivileges1 previous)
    {
        _token = token;
        _previous = previous;
    }

    /// <summary>Enables <paramref name="privilege"/> (for example <c>SeSecurityPrivilege</c>) or throws <see cref="BaselineWriteException"/>.</summary>
    internal static TokenPrivilegeScope Enable(string privilege)
    {
        // TOKEN_QUERY as well as TOKEN_ADJUST_PRIVILEGES: the previous state is asked for.
        if (!Advapi32Token.OpenProcessToken(Kernel32Handles.GetCurrentProcess(), Advapi32Token.TokenAdjustPrivileges | Advapi32Token.TokenQuery, out var token))
        {
            var error = Marshal.GetLastWin32Error();
            token.Dispose();
            throw new BaselineWriteException(NativeErrorText.Win32("OpenProcessToken", error));
        }

        try
        {
            if (!Advapi32Token.LookupPrivilegeValueW(null, privilege, out var luid))
            {
                throw new BaselineWriteException(NativeErrorText.Win32($"LookupPrivilegeValueW({privilege})", Marshal.GetLastWin32Error()));
            }

            var wanted = new Advapi32Token.TokenPrivileges1
            {
                PrivilegeCount = 1,
                Privilege = new Advapi32Token.LuidAndAttributes { Luid = luid, Attributes = Advapi32Token.SePrivilegeEnabled },
            };
            var size = (uint)Marshal.SizeOf<Advapi32Token.TokenPrivileges1>();
            if (!Advapi32Token.AdjustTokenPrivileges(token, false, ref wanted, size, out var previous, out _))
            {
                throw new BaselineWriteException(NativeErrorText.Win32($"AdjustTokenPrivileges({privilege})", Marshal.GetLastWin32Error()));
            }

            // Success with ERROR_NOT_ALL_ASSIGNED means the token does not hold the privilege at all.
            var afterError = Marshal.GetLastWin32Error();
            if (afterError == Advapi32Token.ErrorNotAllAssigned)
            {
                throw new BaselineWriteException(
                    NativeErrorText.Win32($"AdjustTokenPrivileges({privilege})", afterError)
                    + $" The process token does not hold {privilege}; run PowerShell elevated, as an administrator.");
            }

            return new TokenPrivilegeScope(token, previous);
        }
        catch
        {
            token.Dispose();
            throw;
        }
    }

    /// <summary>Restores the privilege's previous state (nothing to do when it was already enabled) and closes the token.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_previous.PrivilegeCount != 0)
        {
            // A failed restore leaves the privilege enabled for the rest of the process; Dispose must not throw,
            // and there is nothing better to do than to carry on.
            _ = Advapi32Token.AdjustTokenPrivileges(_token, false, ref _previous, 0, IntPtr.Zero, IntPtr.Zero);
        }

        _token.Dispose();
    }
}
