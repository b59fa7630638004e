namespace AzureLocalSecurity.AppControl.Live;

/// <summary>How App Control applies: the node's status (Win32_DeviceGuard's 0, 1, 2) or one policy's (its audit-mode option).</summary>
public enum AppControlMode
{
    /// <summary>Not known; the Unknowns say why.</summary>
    Unknown,

    /// <summary>No App Control policy applies (Win32_DeviceGuard 0).</summary>
    Off,

    /// <summary>Audit mode: what a policy would block is logged (3076) and runs (Win32_DeviceGuard 1; a policy with "Enabled:Audit Mode").</summary>
    Audit,

    /// <summary>Enforced: what a policy does not allow is blocked (3077) (Win32_DeviceGuard 2; a policy without "Enabled:Audit Mode").</summary>
    Enforced,
}
