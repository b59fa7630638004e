using System;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>A PowerShell data file (.psrc, .pssc) that <see cref="PowerShellDataFile.Parse"/> cannot read, with the character offset that failed.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every PowerShellDataFileException carries the character offset where reading stopped; a constructor without it would lose that. Only PowerShellDataFile.Parse throws it.")]
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
