using System;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>A GPO backup that cannot be read: none is there, or one of its files is not what its name says.</summary>
public sealed class GpoBackupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GpoBackupException(string message, string path, Exception? inner = null)
        : base(message, inner) => Path = path;

    /// <summary>The folder or file concerned.</summary>
    public string Path { get; }
}
