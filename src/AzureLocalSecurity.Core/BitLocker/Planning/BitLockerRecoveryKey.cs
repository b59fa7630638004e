using System;
using System.Security;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// One recovery password protector's password as Get-ALBitLockerRecoveryKey returns it: in a read-only
/// <see cref="SecureString"/>, and as text only when asked for with -AsPlainText. <see cref="ToString"/> never shows it.
/// </summary>
public sealed class BitLockerRecoveryKey
{
    /// <summary>Copies <paramref name="password"/> into a read-only SecureString; the caller still clears its array.</summary>
    public BitLockerRecoveryKey(string computerName, string mountPoint, string protectorId, char[] password, bool asPlainText)
    {
        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        ComputerName = computerName ?? throw new ArgumentNullException(nameof(computerName));
        MountPoint = mountPoint ?? throw new ArgumentNullException(nameof(mountPoint));
        ProtectorId = protectorId ?? throw new ArgumentNullException(nameof(protectorId));
        var key = new SecureString();
        foreach (var c in password)
        {
            key.AppendChar(c);
        }

        key.MakeReadOnly();
        Key = key;
        RecoveryPassword = asPlainText ? new string(password) : null;
    }

    /// <summary>The node.</summary>
    public string ComputerName { get; }

    /// <summary>The volume's mount point.</summary>
    public string MountPoint { get; }

    /// <summary>The recovery password protector's VolumeKeyProtectorID.</summary>
    public string ProtectorId { get; }

    /// <summary>The 48-digit recovery password, read-only.</summary>
    public SecureString Key { get; }

    /// <summary>The recovery password as text; null unless -AsPlainText was given.</summary>
    public string? RecoveryPassword { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName} {MountPoint} {ProtectorId}";
}
