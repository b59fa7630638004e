using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Reports;

/// <summary>What a report holds: a title, when and by which module version it was made, and every result in it, in order.</summary>
public sealed class SecurityReport
{
    /// <summary>The title used when none is given.</summary>
    public const string DefaultTitle = "AzureLocalSecurity report";

    private readonly SecurityCheckResult[] _results;

    /// <summary>Creates a report of these results.</summary>
    /// <param name="title">The report's title; <see cref="DefaultTitle"/> when null or blank.</param>
    /// <param name="generatedAt">When the report was made.</param>
    /// <param name="moduleVersion">The version of the module that made it.</param>
    /// <param name="results">The results, in the order they are to be shown.</param>
    public SecurityReport(string? title, DateTimeOffset generatedAt, string moduleVersion, IEnumerable<SecurityCheckResult> results)
    {
        Title = string.IsNullOrWhiteSpace(title) ? DefaultTitle : title!;
        GeneratedAt = generatedAt;
        ModuleVersion = moduleVersion ?? throw new ArgumentNullException(nameof(moduleVersion));
        _results = (results ?? throw new ArgumentNullException(nameof(results))).ToArray();
        if (Array.IndexOf(_results, null) >= 0)
        {
            throw new ArgumentException("A report cannot hold a null result.", nameof(results));
        }
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>When the report was made.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>The version of the module that made the report.</summary>
    public string ModuleVersion { get; }

    /// <summary>Every result in the report, in order.</summary>
    public IReadOnlyList<SecurityCheckResult> Results => _results;
}
