using System;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.AppControl.Policy;

namespace AzureLocalSecurity.Commands;

/// <summary>Reads App Control policy files for the policy cmdlets, reporting each failure as a non-terminating error whose
/// target is the path the user gave.</summary>
internal static class AppControlPolicyFiles
{
    /// <summary>The policy file at a resolved path, or null after writing the error.</summary>
    internal static SiPolicyFile? Read(PSCmdlet cmdlet, string resolved, string given, bool validate)
    {
        try
        {
            var length = new FileInfo(resolved).Length;
            if (length > SiPolicyBinaryReader.MaxInputBytes)
            {
                cmdlet.WriteError(new ErrorRecord(
                    new InvalidDataException($"'{resolved}' is {length} bytes; an App Control policy is read up to {SiPolicyBinaryReader.MaxInputBytes} bytes."),
                    ErrorIds.AppControlPolicyInvalid, ErrorCategory.InvalidData, given));
                return null;
            }

            cmdlet.WriteVerbose($"Reading App Control policy '{resolved}'.");
            return SiPolicyFile.Read(File.ReadAllBytes(resolved), resolved, validate);
        }
        catch (SiPolicyFormatException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.AppControlPolicyInvalid, ErrorCategory.InvalidData, given)
            {
                ErrorDetails = new ErrorDetails($"{resolved}: {ex.Message}"),
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ReadError, given));
        }

        return null;
    }
}
