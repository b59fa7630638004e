using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Changes the settings baseline rules point at on the local Windows node, through the documented APIs:
/// the registry (HKLM, 64-bit view), LSA user rights, the advanced audit policy, the account database's password and
/// lockout policy (NetUserModalsSet) and the built-in Administrator and Guest accounts (NetUserSetInfo).
/// The Windows <see cref="IBaselineStateStore"/> delegates its <see cref="IBaselineStateStore.Write"/> here.
/// Needs an elevated process; see docs/windows-writers.md for what each change needs to take effect.
/// </summary>
public sealed class WindowsBaselineWriter
{
    /// <summary>
    /// Sets <paramref name="fact"/> to <paramref name="value"/>. The value is checked against the fact's source
    /// before anything is touched; <see cref="FactValue.Absent"/> deletes a registry value (no error when it is
    /// already absent); for user rights the value is the complete set of holders.
    /// </summary>
    /// <param name="fact">The setting: its source says which API changes it.</param>
    /// <param name="value">The value it must have afterwards.</param>
    /// <param name="registryType">For registry values, the REG_ type to write (REG_DWORD, REG_QWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, REG_BINARY); ignored otherwise.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="BaselineWriteException">
    /// The value does not suit the setting, the setting cannot be written (a status, an unsupported or undocumented
    /// setting), this is not Windows, or the API failed; the message names the API, the error code and its text.
    /// </exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance method by design: the Windows state store holds a writer and delegates to it.")]
    public void Write(FactRef fact, FactValue value, string? registryType)
    {
        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var operation = BaselineWriteValidation.Validate(fact, value, registryType);
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            throw BaselineWriteValidation.Refuse(fact, "settings are changed only on Windows.");
        }

        Execute(operation);
    }

    [SupportedOSPlatform("windows")]
    private static void Execute(BaselineWriteOperation operation)
    {
        try
        {
            switch (operation)
            {
                case RegistryValueChange change:
                    WindowsRegistryWriter.Apply(change);
                    break;
                case RegistryValueDeletion deletion:
                    WindowsRegistryWriter.Apply(deletion);
                    break;
                case UserRightChange change:
                    WindowsUserRightWriter.Apply(change);
                    break;
                case AuditPolicyChange change:
                    WindowsAuditPolicyWriter.Apply(change);
                    break;
                case AccountPolicyChange change:
                    WindowsAccountPolicyWriter.Apply(change);
                    break;
                case LockoutPolicyChange change:
                    WindowsAccountPolicyWriter.Apply(change);
                    break;
                case BuiltinAccountRename change:
                    WindowsBuiltinAccountWriter.Apply(change);
                    break;
                case BuiltinAccountEnablement change:
                    WindowsBuiltinAccountWriter.Apply(change);
                    break;
                default:
                    throw BaselineWriteValidation.Refuse(operation.Fact, $"no writer handles {operation.GetType().Name}.");
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or ExternalException or OutOfMemoryException or ArgumentException or InvalidOperationException)
        {
            // A missing DLL or entry point (an older Windows), a marshalling or allocation failure: still a failed write.
            throw new BaselineWriteException($"Cannot change {operation.Fact}: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
