using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

/// <summary>One row of a published baseline CSV: its cells by column name, and the line it starts on.</summary>
internal sealed class CatalogRow
{
    private readonly Dictionary<string, string> _cells;

    internal CatalogRow(string file, int line, Dictionary<string, string> cells)
    {
        File = file;
        Line = line;
        _cells = cells;
    }

    internal string File { get; }

    internal int Line { get; }

    internal IEnumerable<string> Columns => _cells.Keys;

    internal string this[string column] => _cells.TryGetValue(column, out var value) ? value : string.Empty;

    public override string ToString() => File + ":" + Line;
}

/// <summary>
/// A test-only reader for the catalogs (TextFieldParser: quoted fields, doubled quotes, line breaks in
/// cells); the module's own catalog reader is tested on its own.
/// </summary>
internal static class CatalogCsv
{
    internal static string CatalogFolder => Path.Combine(Repo.Root, "src", "AzureLocalSecurity.Core", "Baseline", "Catalogs");

    internal static string VectorFolder => Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "baselines");

    /// <summary>The Azure Local catalogs written in the rule language (2506 and later).</summary>
    internal static IEnumerable<string> ExpressionCatalogs() =>
        Directory.GetFiles(CatalogFolder, "AzureLocal_SecurityBaseline_*.csv")
            .Select(Path.GetFileName)
            .Where(name => string.CompareOrdinal(name!, "AzureLocal_SecurityBaseline_2506") >= 0)
            .Order(StringComparer.Ordinal)!;

    /// <summary>The OSConfig lists kept as vectors.</summary>
    internal static IEnumerable<string> OsConfigLists() =>
        Directory.GetFiles(VectorFolder, "OSConfig_*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    internal static IReadOnlyList<CatalogRow> ReadCatalog(string fileName) => Read(Path.Combine(CatalogFolder, fileName));

    internal static IReadOnlyList<CatalogRow> ReadVector(string fileName) => Read(Path.Combine(VectorFolder, fileName));

    private static List<CatalogRow> Read(string path)
    {
        var rows = new List<CatalogRow>();
        using var parser = new TextFieldParser(path, Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException(path + " has no header.");
        var name = Path.GetFileName(path);
        while (!parser.EndOfData)
        {
            var line = checked((int)parser.LineNumber);
            var fields = parser.ReadFields();
            if (fields is null)
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                cells[header[i].Trim()] = fields[i];
            }

            rows.Add(new CatalogRow(name, line, cells));
        }

        return rows;
    }
}
