using System;
using System.Runtime.InteropServices;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>Gives the cmdlets this machine's App Control executor without exposing the Windows shell's type.</summary>
public static class AppControlExecutorFactory
{
    /// <summary>The CiTool executor on Windows, reading compiled policies through <paramref name="inspector"/> when it checks a change; PlatformNotSupportedException elsewhere.</summary>
    public static IAppControlExecutor ForThisMachine(ICompiledPolicyInspector inspector)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            throw new PlatformNotSupportedException("App Control policies are changed with CiTool, which exists only on Windows.");
        }

        return Create(inspector);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static WindowsAppControlExecutor Create(ICompiledPolicyInspector inspector) => new(inspector);
}
