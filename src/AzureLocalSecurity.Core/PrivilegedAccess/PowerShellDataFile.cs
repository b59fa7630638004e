using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>
/// A bounded reader of the hashtable literal a PowerShell data file holds (a JEA role capability <c>.psrc</c> or session
/// configuration <c>.pssc</c>, the shape <c>New-PSRoleCapabilityFile</c> and <c>New-PSSessionConfigurationFile</c> write).
/// Core may not reference System.Management.Automation (ARCHITECTURE.md), so the PowerShell parser's AST is not available
/// here; this reads only the data subset: <c>@{ key = value }</c> with bare or quoted keys, <c>@( )</c> arrays and comma
/// lists, single- and double-quoted strings and here-strings (no expansion: <c>$</c> stays text), integers, <c>$true</c>,
/// <c>$false</c>, <c>$null</c>, and <c>#</c> and <c>&lt;# #&gt;</c> comments. Anything else (a script block, a variable, a
/// command) is refused with a <see cref="PowerShellDataFileException"/>, never run. Values come back as <see cref="string"/>,
/// <see cref="long"/>, <see cref="bool"/>, null, <see cref="IReadOnlyList{T}"/> of values and
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed without case. Pure; allocates in proportion to the input.
/// </summary>
public static class PowerShellDataFile
{
    /// <summary>The deepest nesting of hashtables and arrays read.</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest text read, in characters (a real role capability file is a few KiB).</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>Reads the top-level hashtable of <paramref name="text"/>.</summary>
    /// <exception cref="PowerShellDataFileException">The text is not a data-file hashtable this reader understands.</exception>
    public static IReadOnlyDictionary<string, object?> Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length > MaxLength)
        {
            throw new PowerShellDataFileException($"The text is longer than {MaxLength} characters.", MaxLength);
        }

        var reader = new Reader(text);
        reader.SkipSpace(newlines: true);
        if (!reader.At("@{"))
        {
            throw new PowerShellDataFileException("A data file starts with a hashtable '@{'.", reader.Position);
        }

        var table = reader.ReadHashtable(0);
        reader.SkipSpace(newlines: true);
        if (!reader.End)
        {
            throw new PowerShellDataFileException("Text follows the hashtable.", reader.Position);
        }

        return table;
    }

    /// <summary>A value as a list of strings: a string is a list of one, an array its string items; anything else is empty.</summary>
    public static IReadOnlyList<string> Strings(object? value)
    {
        switch (value)
        {
            case string s:
                return [s];
            case IReadOnlyList<object?> list:
                var strings = new List<string>(list.Count);
                foreach (var item in list)
                {
                    if (item is string t)
                    {
                        strings.Add(t);
                    }
                }

                return strings;
            default:
                return [];
        }
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;

        internal Reader(string text) => _text = text;

        internal int Position => _pos;

        internal bool End => _pos >= _text.Length;

        internal bool At(string token) => string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0;

        private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        private PowerShellDataFileException Error(string message) => new(message, _pos);

        /// <summary>Skips blanks and comments, and line ends when <paramref name="newlines"/>; a backtick before a line end continues the line.</summary>
        internal void SkipSpace(bool newlines)
        {
            while (!End)
            {
                var c = _text[_pos];
                if (c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF')
                {
                    _pos++;
                }
                else if ((c is '\r' or '\n') && newlines)
                {
                    _pos++;
                }
                else if (c == '`' && Peek(1) is '\r' or '\n')
                {
                    _pos += Peek(1) == '\r' && Peek(2) == '\n' ? 3 : 2;
                }
                else if (c == '#')
                {
                    while (!End && _text[_pos] is not ('\r' or '\n'))
                    {
                        _pos++;
                    }
                }
                else if (c == '<' && Peek(1) == '#')
                {
                    var close = _text.IndexOf("#>", _pos + 2, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        throw Error("A block comment '<#' is not closed.");
                    }

                    _pos = close + 2;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>Reads <c>@{ ... }</c>; the position is at <c>@{</c>.</summary>
        internal Dictionary<string, object?> ReadHashtable(int depth)
        {
            if (depth >= MaxDepth)
            {
                throw Error($"Hashtables and arrays nest deeper than {MaxDepth}.");
            }

            _pos += 2;
            var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipSeparators();
                if (End)
                {
                    throw Error("A hashtable is not closed with '}'.");
                }

                if (_text[_pos] == '}')
                {
                    _pos++;
                    return table;
                }

                var keyAt = _pos;
                var key = ReadKey();
                SkipSpace(newlines: false);
                if (Peek() != '=')
                {
                    throw Error($"'=' is missing after the key '{key}'.");
                }

                _pos++;
                SkipSpace(newlines: true);
                var value = ReadValueOrList(depth + 1, inArray: false);
                if (table.ContainsKey(key))
                {
                    throw new PowerShellDataFileException($"The key '{key}' appears twice in one hashtable.", keyAt);
                }

                table.Add(key, value);
                SkipSpace(newlines: false);
                if (!End && _text[_pos] is not (';' or '\r' or '\n' or '}'))
                {
                    throw Error("A hashtable entry must end with ';', a line end or '}'.");
                }
            }
        }

        private void SkipSeparators()
        {
            while (true)
            {
                SkipSpace(newlines: true);
                if (!End && _text[_pos] == ';')
                {
                    _pos++;
                    continue;
                }

                return;
            }
        }

        private string ReadKey()
        {
            var c = Peek();
            if (c is '\'' or '"')
            {
                return ReadString();
            }

            var start = _pos;
            while (!End && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '.'))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Error("A hashtable key is expected.");
            }

            return _text.Substring(start, _pos - start);
        }

        /// <summary>A value, or a comma list of values (an array, as PowerShell reads <c>'a', 'b'</c>).</summary>
        private object? ReadValueOrList(int depth, bool inArray)
        {
            var first = ReadValue(depth);
            SkipSpace(newlines: false);
            if (Peek() != ',')
            {
                return first;
            }

            var list = new List<object?> { first };
            while (Peek() == ',')
            {
                _pos++;
                SkipSpace(newlines: true);
                list.Add(ReadValue(depth));
                SkipSpace(newlines: false);
            }

            return inArray ? (object)list : list.AsReadOnly();
        }

        private object? ReadValue(int depth)
        {
            if (depth >= MaxDepth)
            {
                throw Error($"Hashtables and arrays nest deeper than {MaxDepth}.");
            }

            if (End)
            {
                throw Error("A value is expected.");
            }

            if (At("@{"))
            {
                return ReadHashtable(depth);
            }

            if (At("@("))
            {
                return ReadArray(depth);
            }

            if (At("@'") || At("@\""))
            {
                return ReadHereString();
            }

            var c = _text[_pos];
            if (c is '\'' or '"')
            {
                return ReadString();
            }

            if (c == '$')
            {
                return ReadConstant();
            }

            if (c is '-' or '+' || char.IsDigit(c))
            {
                return ReadNumber();
            }

            throw Error($"'{c}' does not start a value a data file may hold.");
        }

        private System.Collections.ObjectModel.ReadOnlyCollection<object?> ReadArray(int depth)
        {
            _pos += 2;
            var items = new List<object?>();
            while (true)
            {
                SkipSeparators();
                if (End)
                {
                    throw Error("An array is not closed with ')'.");
                }

                if (_text[_pos] == ')')
                {
                    _pos++;
                    return items.AsReadOnly();
                }

                var value = ReadValueOrList(depth + 1, inArray: true);
                if (value is List<object?> flat)
                {
                    items.AddRange(flat);
                }
                else
                {
                    items.Add(value);
                }
            }
        }

        private string ReadString()
        {
            var quote = _text[_pos];
            var start = _pos;
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (End)
                {
                    throw new PowerShellDataFileException("A string is not closed.", start);
                }

                var c = _text[_pos++];
                if (IsQuote(c, quote))
                {
                    if (!End && IsQuote(_text[_pos], quote))
                    {
                        sb.Append(c);
                        _pos++;
                        continue;
                    }

                    return sb.ToString();
                }

                if (c == '`' && quote == '"')
                {
                    if (End)
                    {
                        throw new PowerShellDataFileException("A string is not closed.", start);
                    }

                    sb.Append(Escape(_text[_pos++]));
                    continue;
                }

                sb.Append(c);
            }
        }

        /// <summary>PowerShell takes the typographic single and double quotes as quotes too.</summary>
        private static bool IsQuote(char c, char quote) => quote == '\''
            ? c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B'
            : c is '"' or '\u201C' or '\u201D' or '\u201E';

        private static char Escape(char c) => c switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => c,
        };

        private string ReadHereString()
        {
            var start = _pos;
            var quote = _text[_pos + 1];
            _pos += 2;
            SkipSpace(newlines: false);
            if (At("\r\n"))
            {
                _pos += 2;
            }
            else if (Peek() == '\n')
            {
                _pos++;
            }
            else
            {
                throw Error("A here-string's opening line must end after '@' and its quote.");
            }

            var bodyStart = _pos;
            var close = "\n" + quote + "@";
            var end = _text.IndexOf(close, _pos - 1, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new PowerShellDataFileException("A here-string is not closed.", start);
            }

            var bodyEnd = end > bodyStart && _text[end - 1] == '\r' ? end - 1 : end;
            _pos = end + close.Length;
            return bodyEnd <= bodyStart ? string.Empty : _text.Substring(bodyStart, bodyEnd - bodyStart);
        }

        private static object? NullValue => null;

        private object? ReadConstant()
        {
            var start = _pos;
            _pos++;
            while (!End && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            var name = _text.Substring(start + 1, _pos - start - 1);
            if (name.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (name.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (name.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                return NullValue;
            }

            throw new PowerShellDataFileException($"The variable '${name}' is not allowed in a data file.", start);
        }

        private long ReadNumber()
        {
            var start = _pos;
            if (_text[_pos] is '-' or '+')
            {
                _pos++;
            }

            var digits = _pos;
            while (!End && char.IsDigit(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == digits || (!End && (char.IsLetter(_text[_pos]) || _text[_pos] == '.')))
            {
                throw new PowerShellDataFileException("Only whole decimal numbers are read.", start);
            }

            if (!long.TryParse(_text.Substring(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                throw new PowerShellDataFileException("The number does not fit in 64 bits.", start);
            }

            return n;
        }
    }
}
