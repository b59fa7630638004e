using System;
using System.Runtime.InteropServices;
using AzureLocalSecurity.BitLocker.Planning;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>Gives the cmdlets this machine's BitLocker executor without exposing the Windows shell's type.</summary>
public static class BitLockerExecutorFactory
{
    /// <summary>The Win32_EncryptableVolume executor on Windows (dispose it when done); PlatformNotSupportedException elsewhere.</summary>
    public static IBitLockerExecutor ForThisMachine()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            throw new PlatformNotSupportedException("BitLocker changes are made through Win32_EncryptableVolume, which exists only on Windows.");
        }

        return Create();
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static WindowsBitLockerExecutor Create() => new();
}
