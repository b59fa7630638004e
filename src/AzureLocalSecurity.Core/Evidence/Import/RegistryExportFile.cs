using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A registry export as <c>reg export</c> and regedit write it: the header <c>Windows Registry Editor Version 5.00</c> (or
/// <c>REGEDIT4</c>), then <c>[HKEY_...\path]</c> sections (<c>[-HKEY_...\path]</c> deletes a key) holding value lines
/// <c>"name"=data</c> or <c>@=data</c>. Data is <c>"text"</c>, <c>dword:xxxxxxxx</c>, <c>hex:bytes</c>,
/// <c>hex(n):bytes</c> or <c>-</c> (delete the value); hex lines continue over lines ending in a backslash. Lines starting
/// with <c>;</c> are comments.
/// </summary>
/// <remarks>
/// Text: UTF-16 LE with or without a byte order mark (what <c>reg export</c> writes), UTF-16 BE with one, UTF-8 with or
/// without one; CRLF, LF or CR. A <c>REGEDIT4</c> file without a byte order mark is ANSI and read as code page 1252, and
/// in a <c>REGEDIT4</c> file the text inside <c>hex(1)</c>, <c>hex(2)</c> and <c>hex(7)</c> is single bytes of that code
/// page rather than UTF-16. Strict: a line that is none of the above, bad hex, a string not closed, an escape other than
/// <c>\\</c> and <c>\"</c>, data that cannot be its type, or a hive that is not one of the five ends the read with
/// <see cref="RegistryExportFormatException"/> and its line.
/// </remarks>
public sealed class RegistryExportFile
{
    /// <summary>The largest file read.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The header of a version 5 file (Windows 2000 and later; UTF-16).</summary>
    public const string Version5Header = "Windows Registry Editor Version 5.00";

    /// <summary>The header of a version 4 file (ANSI).</summary>
    public const string Version4Header = "REGEDIT4";

    private static readonly (string Name, string Abbreviation)[] Hives =
    [
        ("HKEY_LOCAL_MACHINE", "HKLM"),
        ("HKEY_CURRENT_USER", "HKCU"),
        ("HKEY_USERS", "HKU"),
        ("HKEY_CLASSES_ROOT", "HKCR"),
        ("HKEY_CURRENT_CONFIG", "HKCC"),
    ];

    private readonly RegistryExportKey[] _keys;

    private RegistryExportFile(string header, RegistryExportKey[] keys)
    {
        Header = header;
        _keys = keys;
    }

    /// <summary>The header line: <see cref="Version5Header"/> or <see cref="Version4Header"/>.</summary>
    public string Header { get; }

    /// <summary>The key sections in file order.</summary>
    public IReadOnlyList<RegistryExportKey> Keys => _keys;

    /// <summary>Reads a .reg file's bytes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    /// <exception cref="RegistryExportFormatException">The bytes are not a .reg file this reader accepts; the exception gives the line.</exception>
    public static RegistryExportFile Parse(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length > MaxBytes)
        {
            throw new RegistryExportFormatException($"the file is {bytes.Length} bytes; at most {MaxBytes} are read", 0);
        }

        string text;
        if (IsAnsiRegedit4(bytes))
        {
            text = RegistryData.Ansi(bytes);
        }
        else
        {
            try
            {
                text = ImportText.Decode(bytes, MaxBytes, ".reg file");
            }
            catch (CaptureFormatException ex)
            {
                throw new RegistryExportFormatException(ex.Message, 0, ex);
            }
        }

        return Read(ImportText.Lines(text));
    }

    private static RegistryExportFile Read(List<string> lines)
    {
        var header = lines.Count > 0 ? lines[0].TrimEnd(' ', '\t') : string.Empty;
        if (header != Version5Header && header != Version4Header)
        {
            throw new RegistryExportFormatException($"the first line is not \"{Version5Header}\" or \"{Version4Header}\"", 1);
        }

        var ansi = header == Version4Header;
        var keys = new List<RegistryExportKey>();
        RegistryExportKey? current = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = i + 1;
            var content = lines[i].Trim(' ', '\t');
            if (content.Length == 0 || content[0] == ';')
            {
                continue;
            }

            if (content[0] == '[')
            {
                current = ReadKey(content, line);
                keys.Add(current);
                continue;
            }

            if (current is null)
            {
                throw new RegistryExportFormatException("a value comes before any [key]", line);
            }

            current.AddValue(ReadValue(lines, ref i, content, current, ansi, line));
        }

        LinkSubKeys(keys);
        return new RegistryExportFile(header, keys.ToArray());
    }

    private static RegistryExportKey ReadKey(string content, int line)
    {
        if (content[content.Length - 1] != ']')
        {
            throw new RegistryExportFormatException("a key line does not end with ']'", line);
        }

        var inner = content.Substring(1, content.Length - 2);
        var delete = inner.Length > 0 && inner[0] == '-';
        var path = delete ? inner.Substring(1) : inner;
        var slash = path.IndexOf('\\');
        var root = slash < 0 ? path : path.Substring(0, slash);
        string? abbreviation = null;
        foreach (var (name, shortName) in Hives)
        {
            if (string.Equals(root, name, StringComparison.OrdinalIgnoreCase))
            {
                abbreviation = shortName;
            }
        }

        if (abbreviation is null)
        {
            throw new RegistryExportFormatException($"the key '{Clip(path)}' does not start with HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_USERS, HKEY_CLASSES_ROOT or HKEY_CURRENT_CONFIG", line);
        }

        if (slash >= 0 && (path[path.Length - 1] == '\\' || path.IndexOf(@"\\", StringComparison.Ordinal) >= 0))
        {
            throw new RegistryExportFormatException($"the key '{Clip(path)}' has an empty name between backslashes", line);
        }

        return new RegistryExportKey(path, slash < 0 ? abbreviation : abbreviation + path.Substring(slash), delete, line);
    }

    private static RegistryExportValue ReadValue(List<string> lines, ref int index, string content, RegistryExportKey key, bool ansi, int line)
    {
        string name;
        int position;
        if (content[0] == '@')
        {
            name = string.Empty;
            position = 1;
        }
        else if (content[0] == '"')
        {
            position = 1;
            name = ReadQuoted(content, ref position, line, "value name");
        }
        else
        {
            throw new RegistryExportFormatException(content.IndexOf('=') < 0
                ? $"'{Clip(content)}' inside [{Clip(key.Path)}] is not a value line: it has no '='"
                : $"'{Clip(content)}' inside [{Clip(key.Path)}] is not a value line: the name must be quoted or @", line);
        }

        position = SkipBlanks(content, position);
        if (position >= content.Length || content[position] != '=')
        {
            throw new RegistryExportFormatException($"the value '{Clip(name)}' has no '=' after its name", line);
        }

        var data = content.Substring(SkipBlanks(content, position + 1));
        if (key.Delete)
        {
            throw new RegistryExportFormatException($"the value '{Clip(name)}' is under [-{Clip(key.Path)}], a key being deleted", line);
        }

        if (data == "-")
        {
            return new RegistryExportValue(name, null, delete: true, 0, line);
        }

        if (data.Length > 0 && data[0] == '"')
        {
            var at = 1;
            var text = ReadQuoted(data, ref at, line, "string");
            if (SkipBlanks(data, at) != data.Length)
            {
                throw new RegistryExportFormatException($"the string of '{Clip(name)}' is followed by '{Clip(data.Substring(at))}'", line);
            }

            return new RegistryExportValue(name, EvidenceValue.FromString(text), delete: false, RegistryData.String, line);
        }

        if (data.StartsWith("dword:", StringComparison.OrdinalIgnoreCase))
        {
            var digits = data.Substring("dword:".Length);
            if (digits.Length is 0 or > 8 || !IsHex(digits) || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var dword))
            {
                throw new RegistryExportFormatException($"the dword of '{Clip(name)}' is not 1 to 8 hex digits: '{Clip(digits)}'", line);
            }

            return new RegistryExportValue(name, EvidenceValue.FromDWord(dword), delete: false, RegistryData.DWord, line);
        }

        if (data.StartsWith("hex", StringComparison.OrdinalIgnoreCase))
        {
            return ReadHex(lines, ref index, data, name, ansi, line);
        }

        throw new RegistryExportFormatException($"the data of '{Clip(name)}' is not \"text\", dword:, hex: or hex(n): ('{Clip(data)}')", line);
    }

    private static RegistryExportValue ReadHex(List<string> lines, ref int index, string data, string name, bool ansi, int line)
    {
        var colon = data.IndexOf(':');
        if (colon < 0)
        {
            throw new RegistryExportFormatException($"the hex data of '{Clip(name)}' has no ':'", line);
        }

        var typeText = data.Substring(3, colon - 3).TrimEnd(' ');
        uint type;
        if (typeText.Length == 0)
        {
            type = RegistryData.Binary;
        }
        else
        {
            var number = typeText.Length > 2 && typeText[0] == '(' && typeText[typeText.Length - 1] == ')' ? typeText.Substring(1, typeText.Length - 2) : string.Empty;
            if (number.Length is 0 or > 8 || !IsHex(number) || !uint.TryParse(number, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out type))
            {
                throw new RegistryExportFormatException($"'{Clip(data.Substring(0, colon))}' of '{Clip(name)}' is not hex or hex(n) with n 1 to 8 hex digits", line);
            }
        }

        // A long value goes on over lines that end in a backslash; the next line's leading blanks are indentation.
        var list = new StringBuilder(data, colon + 1, data.Length - colon - 1, data.Length);
        while (EndsWithContinuation(list))
        {
            TrimEnd(list);
            list.Length--;
            if (index + 1 >= lines.Count)
            {
                throw new RegistryExportFormatException($"the hex data of '{Clip(name)}' ends with '\\' but the file ends there", index + 1);
            }

            index++;
            list.Append(lines[index].TrimStart(' ', '\t'));
        }

        var bytes = ParseBytes(list.ToString(), name, line);
        if (!RegistryData.TryDecode(type, bytes, ansi, out var value, out var problem))
        {
            throw new RegistryExportFormatException($"the hex({type:x}) data of '{Clip(name)}' is not a type {type} value: {problem}", line);
        }

        return new RegistryExportValue(name, value ?? EvidenceValue.FromBinary(bytes), delete: false, type, line);
    }

    private static byte[] ParseBytes(string list, string name, int line)
    {
        var bytes = new List<byte>(list.Length / 3 + 1);
        if (list.Trim(' ', '\t').Length == 0)
        {
            return [];
        }

        var start = 0;
        while (true)
        {
            var comma = list.IndexOf(',', start);
            var item = (comma < 0 ? list.Substring(start) : list.Substring(start, comma - start)).Trim(' ', '\t');
            if (item.Length is 0 or > 2 || !IsHex(item))
            {
                throw new RegistryExportFormatException($"byte {bytes.Count + 1} of the hex data of '{Clip(name)}' is not one or two hex digits: '{Clip(item)}'", line);
            }

            bytes.Add(byte.Parse(item, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            if (comma < 0)
            {
                return bytes.ToArray();
            }

            start = comma + 1;
        }
    }

    /// <summary>A <c>"..."</c> string from just after its opening quote; <c>\\</c> and <c>\"</c> are the only escapes.</summary>
    private static string ReadQuoted(string text, ref int position, int line, string what)
    {
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (position >= text.Length || (text[position] != '\\' && text[position] != '"'))
                {
                    throw new RegistryExportFormatException($"the {what} has a backslash that is not \\\\ or \\\" (at character {position})", line);
                }

                c = text[position++];
            }

            builder.Append(c);
        }

        throw new RegistryExportFormatException($"the {what} has no closing '\"'", line);
    }

    /// <summary>Each key's subkeys: the keys of the file (not deleted) whose parent is that key's path.</summary>
    private static void LinkSubKeys(List<RegistryExportKey> keys)
    {
        var byPath = new Dictionary<string, List<RegistryExportKey>>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            if (!key.Delete)
            {
                if (!byPath.TryGetValue(key.Path, out var same))
                {
                    same = [];
                    byPath.Add(key.Path, same);
                }

                same.Add(key);
            }
        }

        var linked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var slash = key.Path.LastIndexOf('\\');
            if (key.Delete || slash < 0 || !byPath.TryGetValue(key.Path.Substring(0, slash), out var parents) || !linked.Add(key.Path))
            {
                continue;
            }

            foreach (var parent in parents)
            {
                parent.AddSubKeyName(key.Path.Substring(slash + 1));
            }
        }
    }

    private static bool IsAnsiRegedit4(byte[] bytes)
    {
        // Byte order marks and the NUL of UTF-16 LE text say the file is Unicode whatever its header.
        if (bytes.Length < Version4Header.Length || (bytes.Length >= 2 && bytes[1] == 0))
        {
            return false;
        }

        for (var i = 0; i < Version4Header.Length; i++)
        {
            if (bytes[i] != Version4Header[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithContinuation(StringBuilder list)
    {
        for (var i = list.Length - 1; i >= 0; i--)
        {
            if (list[i] is not (' ' or '\t'))
            {
                return list[i] == '\\';
            }
        }

        return false;
    }

    private static void TrimEnd(StringBuilder list)
    {
        while (list.Length > 0 && list[list.Length - 1] is ' ' or '\t')
        {
            list.Length--;
        }
    }

    private static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        return position;
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "...";
}
