using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace AzureLocalSecurity.Host;

/// <summary>Passes text through without ANSI escape sequences, for output that goes to a file, a pipe or CI.</summary>
internal sealed partial class PlainTextWriter : TextWriter
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "The wrapped writer belongs to whoever built the Runner (Console.Out and Console.Error in alsec); this filter only strips escape sequences and must not close it.")]
    private readonly TextWriter _inner;

    public PlainTextWriter(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => _inner.Write(value);

    public override void Write(string? value) => _inner.Write(value is null ? null : Strip(value));

    public override void WriteLine(string? value) => _inner.WriteLine(value is null ? null : Strip(value));

    public override void Flush() => _inner.Flush();

    internal static string Strip(string value) => value.IndexOf('\u001b') < 0 ? value : Escape().Replace(value, string.Empty);

    [GeneratedRegex("\u001b\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escape();
}
