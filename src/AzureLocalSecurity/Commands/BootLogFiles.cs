using System;
using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot;

namespace AzureLocalSecurity.Commands;

/// <summary>Reads measured-boot log files for the cmdlets that take -Path, with one error record per bad file.</summary>
internal static class BootLogFiles
{
    /// <summary>The log, or null after an error record (the target is the path the user gave).</summary>
    internal static TcgEventLog? Read(PSCmdlet cmdlet, string path, string resolved)
    {
        try
        {
            var options = new TcgEventLogOptions();
            var length = new FileInfo(resolved).Length;
            if (length > options.MaxInputLength)
            {
                var tooLarge = new TcgEventLogFormatException($"'{resolved}' is {length} bytes; a measured-boot log is read only up to {options.MaxInputLength} bytes", options.MaxInputLength);
                cmdlet.WriteError(new ErrorRecord(tooLarge, ErrorIds.BootMeasurementLogInvalid, ErrorCategory.LimitsExceeded, path));
                return null;
            }

            return TcgEventLog.Parse(File.ReadAllBytes(resolved), options);
        }
        catch (TcgEventLogFormatException ex)
        {
            cmdlet.WriteError(new ErrorRecord(new TcgEventLogFormatException($"'{resolved}': {ex.Message}", ex), ErrorIds.BootMeasurementLogInvalid, ErrorCategory.InvalidData, path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ReadError, path));
        }

        return null;
    }
}
