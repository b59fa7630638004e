using System;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>A GPO backup that cannot be read: none is there, or one of its files is not what its name says.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every GpoBackupException names the folder or file it is about (Path); a constructor without it would make one that cannot say what failed. Only this module throws it.")]
public sealed class GpoBackupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GpoBackupException(string message, string path, Exception? inner = null)
        : base(message, inner) => Path = path;

    /// <summary>The folder or file concerned.</summary>
    public string Path { get; }
}
