using System;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>A catalog that cannot be read: which file, which line (1-based; 0 when it is the file as a whole) and what was wrong.</summary>
public sealed class BaselineCatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BaselineCatalogException()
    {
        SourceName = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public BaselineCatalogException(string message)
        : base(message)
    {
        SourceName = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BaselineCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = string.Empty;
    }

    /// <summary>Creates the exception for a line of a catalog.</summary>
    public BaselineCatalogException(string sourceName, int lineNumber, string problem)
        : base(lineNumber > 0 ? $"{sourceName}, line {lineNumber}: {problem}" : $"{sourceName}: {problem}")
    {
        SourceName = sourceName ?? string.Empty;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The catalog (file name or shipped resource).</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line the problem is on, or 0.</summary>
    public int LineNumber { get; }

    /// <summary>What was wrong.</summary>
    public string? Problem { get; }
}
