using System.Collections.Generic;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>One data row of a <see cref="CsvTable"/>: its fields and the line it starts on.</summary>
public sealed class CsvRow
{
    private readonly string[] _fields;

    internal CsvRow(int lineNumber, string[] fields)
    {
        LineNumber = lineNumber;
        _fields = fields;
    }

    /// <summary>The 1-based line the row starts on.</summary>
    public int LineNumber { get; }

    /// <summary>The fields, unquoted.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The field at <paramref name="index"/>, or null when the index is -1 (a column the file does not have).</summary>
    public string? this[int index] => index < 0 ? null : _fields[index];
}
