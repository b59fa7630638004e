using System;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>A PowerShell data file (.psrc, .pssc) that <see cref="PowerShellDataFile.Parse"/> cannot read, with the character offset that failed.</summary>
public sealed class PowerShellDataFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PowerShellDataFileException(string message, int offset)
        : base(message + " (at character " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")
    {
        Offset = offset;
    }

    /// <summary>The character offset in the text where reading stopped.</summary>
    public int Offset { get; }
}
