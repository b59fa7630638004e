using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// Reads PowerShell's serialization XML (MS-PSRP 2.2.5) element by element with a pull reader: no DOM, no DTD, no
/// resolver. Each method starts on an element's start tag and leaves the reader after its end tag; recursion follows the
/// element nesting, which is bounded before each step down.
/// </summary>
internal sealed class CliXmlParser
{
    internal const string PowerShellNamespace = "http://schemas.microsoft.com/powershell/2004/04";

    private static readonly Dictionary<string, (string CaptureType, string ItemElement)> TypedArrays = new(StringComparer.Ordinal)
    {
        ["System.Byte[]"] = ("Byte[]", "By"),
        ["System.UInt16[]"] = ("UInt16[]", "U16"),
        ["System.UInt32[]"] = ("UInt32[]", "U32"),
        ["System.UInt64[]"] = ("UInt64[]", "U64"),
        ["System.Int32[]"] = ("Int32[]", "I32"),
        ["System.Int64[]"] = ("Int64[]", "I64"),
        ["System.String[]"] = ("String[]", "S"),
    };

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly CliXmlLimits _limits;
    private readonly Dictionary<string, Value> _completed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _typeNames = new(StringComparer.Ordinal);
    private int _objectCount;
    private long _expanded;

    private CliXmlParser(XmlReader reader, CliXmlLimits limits)
    {
        _reader = reader;
        _lineInfo = reader as IXmlLineInfo;
        _limits = limits;
    }

    internal static CliXmlDocument Parse(byte[] bytes, CliXmlLimits limits)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length > limits.MaxBytes)
        {
            throw new CliXmlFormatException(string.Format(CultureInfo.InvariantCulture, "the input is {0} bytes; at most {1} are read", bytes.Length, limits.MaxBytes), 0, 0);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            MaxCharactersInDocument = limits.MaxBytes,
            CloseInput = true,
        };

        var text = Decode(bytes);
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var parser = new CliXmlParser(reader, limits);
        try
        {
            return parser.ReadDocument();
        }
        catch (XmlException ex)
        {
            // The refusal of a DTD carries no place: it is where the document type declaration starts.
            var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            var (line, column) = ex.LineNumber > 0 || doctype < 0 ? (ex.LineNumber, ex.LinePosition) : LineAndColumn(text, doctype + 2);
            throw new CliXmlFormatException(ex.Message, line, column, ex);
        }
    }

    /// <summary>
    /// The text of the bytes, decoded strictly here rather than by the XML reader, so that a byte invalid in its encoding
    /// is reported at its own line and column: UTF-16 LE or BE by their byte order marks, UTF-16 LE without one when the
    /// second byte is NUL (a copy that lost it), UTF-8 with or without its mark otherwise.
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        Encoding encoding;
        var skip = 0;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            skip = 3;
        }
        else if (bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        else
        {
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        }

        if (encoding is UnicodeEncoding && (bytes.Length - skip) % 2 != 0)
        {
            throw At(bytes, skip, bytes.Length - 1, encoding, "the input is UTF-16 but has an odd number of bytes: it is cut short");
        }

        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            var bad = Math.Min(bytes.Length, skip + Math.Max(0, ex.Index));
            throw At(bytes, skip, bad, encoding, string.Format(CultureInfo.InvariantCulture, "byte {0} is not valid {1}", bad, encoding is UnicodeEncoding ? "UTF-16" : "UTF-8"));
        }
    }

    /// <summary>The exception for a problem at a byte offset, placed at the line and column the text before it ends on.</summary>
    private static CliXmlFormatException At(byte[] bytes, int skip, int offset, Encoding encoding, string problem)
    {
        var lenient = (Encoding)encoding.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        var before = lenient.GetString(bytes, skip, Math.Max(0, offset - skip));
        var (line, column) = LineAndColumn(before, before.Length);
        return new CliXmlFormatException(problem, line, column);
    }

    /// <summary>The 1-based line and column of a character of the text, with lines ended as XML ends them (CRLF, LF or CR).</summary>
    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        int line = 1, column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (text[i] != '\r')
            {
                column++;
            }
        }

        return (line, column);
    }

    private CliXmlDocument ReadDocument()
    {
        if (_reader.MoveToContent() != XmlNodeType.Element)
        {
            throw Fail("no root element");
        }

        var (line, column) = Position();
        if (_reader.LocalName != "Objs" || _reader.NamespaceURI != PowerShellNamespace)
        {
            throw Fail($"the root element is '{_reader.Name}' of namespace '{_reader.NamespaceURI}', not Objs of {PowerShellNamespace}", line, column);
        }

        var objects = new List<CliXmlObject>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (NextChild())
            {
                var (_, _, shape) = ReadValue(namedOnly: false);
                if (shape is not null)
                {
                    objects.Add(shape);
                }
            }

            _reader.ReadEndElement();
        }

        // Anything after the root other than whitespace, comments and processing instructions is refused by the reader.
        while (_reader.Read())
        {
        }

        return new CliXmlDocument(objects.ToArray());
    }

    /// <summary>
    /// Moves to the next child element of the element the reader is in, skipping whitespace; false on the parent's end
    /// tag (the reader stays on it). Text where an element belongs is an error.
    /// </summary>
    private bool NextChild()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (_reader.NamespaceURI != PowerShellNamespace)
                    {
                        throw Fail($"an element '{_reader.Name}' of namespace '{_reader.NamespaceURI}'");
                    }

                    if (_reader.Depth > _limits.MaxDepth)
                    {
                        throw Fail(string.Format(CultureInfo.InvariantCulture, "elements nested deeper than {0}", _limits.MaxDepth));
                    }

                    return true;
                case XmlNodeType.EndElement:
                    return false;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    break;
                case XmlNodeType.None:
                    throw Fail("the document ends inside an element");
                default:
                    throw Fail($"{_reader.NodeType} where an element belongs");
            }

            _reader.Read();
        }
    }

    /// <summary>
    /// One value element (an object, a reference, a primitive or Nil): its N attribute, the value a property holds, and the
    /// object itself when the element is an object (or a reference to one).
    /// </summary>
    private (string? Name, Value Value, CliXmlObject? Object) ReadValue(bool namedOnly)
    {
        var (line, column) = Position();
        var name = _reader.GetAttribute("N");
        if (namedOnly && name is null)
        {
            throw Fail($"a {_reader.LocalName} without an N attribute where a named member belongs", line, column);
        }

        var decodedName = name is null ? null : Unescape(name);
        switch (_reader.LocalName)
        {
            case "Obj":
                {
                    var (value, obj) = ReadObject();
                    return (decodedName, value, obj);
                }

            case "Ref":
                {
                    var refId = _reader.GetAttribute("RefId") ?? throw Fail("a Ref without a RefId", line, column);
                    ReadEmpty();
                    if (_open.Contains(refId))
                    {
                        throw Fail($"a Ref to object {refId}, which is not ended yet (a cycle)", line, column);
                    }

                    if (!_completed.TryGetValue(refId, out var target))
                    {
                        throw Fail($"a Ref to object {refId}, which is not defined before it", line, column);
                    }

                    Count(target.Weight, line, column);
                    return (decodedName, target, target.Object);
                }

            default:
                {
                    var value = ReadPrimitive(line, column);
                    Count(1, line, column);
                    return (decodedName, value, null);
                }
        }
    }

    private (Value Value, CliXmlObject Object) ReadObject()
    {
        var (line, column) = Position();
        if (++_objectCount > _limits.MaxObjects)
        {
            throw Fail(string.Format(CultureInfo.InvariantCulture, "more than {0} objects", _limits.MaxObjects), line, column);
        }

        Count(1, line, column);
        var refId = _reader.GetAttribute("RefId");
        if (refId is not null && (_completed.ContainsKey(refId) || !_open.Add(refId)))
        {
            throw Fail($"object RefId {refId} is defined twice", line, column);
        }

        string[]? typeNames = null;
        string? toStringText = null;
        List<CliXmlProperty>? adapted = null;
        List<CliXmlProperty>? extended = null;
        List<(Value Value, string Name, int Line, int Column)>? items = null;
        Value? baseValue = null;
        long weight = 1;
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (NextChild())
            {
                var (childLine, childColumn) = Position();
                var element = _reader.LocalName;
                switch (element)
                {
                    case "TN":
                    case "TNRef":
                        Once(typeNames is null, element, childLine, childColumn);
                        typeNames = element == "TN" ? ReadTypeNames() : ReadTypeNameReference();
                        break;
                    case "ToString":
                        Once(toStringText is null, element, childLine, childColumn);
                        toStringText = Unescape(ReadText());
                        break;
                    case "Props":
                        Once(adapted is null, element, childLine, childColumn);
                        adapted = ReadMembers(isExtended: false, ref weight);
                        break;
                    case "MS":
                        Once(extended is null, element, childLine, childColumn);
                        extended = ReadMembers(isExtended: true, ref weight);
                        break;
                    case "LST":
                    case "IE":
                    case "STK":
                    case "QUE":
                        Once(items is null && baseValue is null, "content", childLine, childColumn);
                        items = ReadItems(ref weight);
                        break;
                    case "DCT":
                        Once(items is null && baseValue is null, "content", childLine, childColumn);
                        items = ReadDictionary(ref weight);
                        break;
                    case "Obj":
                    case "Ref":
                        throw Fail($"a {element} directly in an Obj (outside Props, MS or a container)", childLine, childColumn);
                    default:
                        Once(items is null && baseValue is null, "content", childLine, childColumn);
                        baseValue = ReadPrimitive(childLine, childColumn);
                        Count(1, childLine, childColumn);
                        weight++;
                        break;
                }
            }

            _reader.ReadEndElement();
        }

        typeNames ??= [];
        var properties = new CliXmlProperty[(adapted?.Count ?? 0) + (extended?.Count ?? 0)];
        adapted?.CopyTo(properties, 0);
        extended?.CopyTo(properties, adapted?.Count ?? 0);
        var itemArray = new CliXmlProperty[items?.Count ?? 0];
        for (var i = 0; i < itemArray.Length; i++)
        {
            var item = items![i];
            itemArray[i] = new CliXmlProperty(item.Name, item.Value.CaptureType, item.Value.Content, isExtendedMember: false);
        }

        var obj = new CliXmlObject(typeNames, toStringText, properties, itemArray);
        Value value;
        if (items is not null && typeNames.Length > 0 && TypedArrays.TryGetValue(StripDeserialized(typeNames[0]), out var typed))
        {
            value = new Value(typed.CaptureType, ToTypedArray(typed.CaptureType, typed.ItemElement, items), weight, obj);
        }
        else if (baseValue is { } primitive && items is null)
        {
            value = new Value(primitive.CaptureType, primitive.Content, weight, obj);
        }
        else
        {
            value = new Value("Object", obj, weight, obj);
        }

        if (refId is not null)
        {
            _open.Remove(refId);
            _completed.Add(refId, value);
        }

        return (value, obj);
    }

    private static object ToTypedArray(string captureType, string itemElement, List<(Value Value, string Name, int Line, int Column)> items)
    {
        var expected = itemElement switch
        {
            "By" => "Byte",
            "U16" => "UInt16",
            "U32" => "UInt32",
            "U64" => "UInt64",
            "I32" => "Int32",
            "I64" => "Int64",
            _ => "String",
        };
        foreach (var item in items)
        {
            if (item.Value.CaptureType != expected && !(expected == "String" && item.Value.CaptureType == "Null"))
            {
                throw new CliXmlFormatException($"a {item.Value.CaptureType} item in a {captureType} (only {itemElement} items belong there)", item.Line, item.Column);
            }
        }

        switch (captureType)
        {
            case "Byte[]":
                return Convert<byte>(items);
            case "UInt16[]":
                return Convert<ushort>(items);
            case "UInt32[]":
                return Convert<uint>(items);
            case "UInt64[]":
                return Convert<ulong>(items);
            case "Int32[]":
                return Convert<int>(items);
            case "Int64[]":
                return Convert<long>(items);
            default:
                var strings = new string?[items.Count];
                for (var i = 0; i < strings.Length; i++)
                {
                    strings[i] = (string?)items[i].Value.Content;
                }

                return strings;
        }

        static T[] Convert<T>(List<(Value Value, string Name, int Line, int Column)> items)
        {
            var array = new T[items.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = (T)items[i].Value.Content!;
            }

            return array;
        }
    }

    private List<CliXmlProperty> ReadMembers(bool isExtended, ref long weight)
    {
        var members = new List<CliXmlProperty>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return members;
        }

        _reader.Read();
        while (NextChild())
        {
            if (isExtended && _reader.LocalName == "MS")
            {
                // A member set (PSStandardMembers and the like): its members become an object's properties.
                var (line, column) = Position();
                var name = _reader.GetAttribute("N") ?? throw Fail("a member set without an N attribute", line, column);
                if (++_objectCount > _limits.MaxObjects)
                {
                    throw Fail(string.Format(CultureInfo.InvariantCulture, "more than {0} objects", _limits.MaxObjects), line, column);
                }

                long setWeight = 1;
                var setMembers = ReadMembers(isExtended: true, ref setWeight);
                Count(1, line, column);
                weight = Add(weight, setWeight);
                members.Add(new CliXmlProperty(Unescape(name), "Object", new CliXmlObject([], null, setMembers.ToArray(), []), isExtendedMember: true));
                continue;
            }

            var (memberName, value, _) = ReadValue(namedOnly: true);
            weight = Add(weight, value.Weight);
            members.Add(new CliXmlProperty(memberName!, value.CaptureType, value.Content, isExtended));
        }

        _reader.ReadEndElement();
        return members;
    }

    private List<(Value Value, string Name, int Line, int Column)> ReadItems(ref long weight)
    {
        var items = new List<(Value, string, int, int)>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return items;
        }

        _reader.Read();
        while (NextChild())
        {
            var (line, column) = Position();
            var (name, value, _) = ReadValue(namedOnly: false);
            weight = Add(weight, value.Weight);
            items.Add((value, name ?? string.Empty, line, column));
        }

        _reader.ReadEndElement();
        return items;
    }

    private List<(Value Value, string Name, int Line, int Column)> ReadDictionary(ref long weight)
    {
        var entries = new List<(Value, string, int, int)>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return entries;
        }

        _reader.Read();
        while (NextChild())
        {
            var (line, column) = Position();
            if (_reader.LocalName != "En")
            {
                throw Fail($"a {_reader.LocalName} in a DCT, where only En belongs", line, column);
            }

            Value? key = null;
            Value? entryValue = null;
            if (_reader.IsEmptyElement)
            {
                throw Fail("an empty En: a dictionary entry has a Key and a Value", line, column);
            }

            _reader.Read();
            while (NextChild())
            {
                var (childLine, childColumn) = Position();
                var (name, value, _) = ReadValue(namedOnly: true);
                weight = Add(weight, value.Weight);
                switch (name)
                {
                    case "Key" when key is null:
                        key = value;
                        break;
                    case "Value" when entryValue is null:
                        entryValue = value;
                        break;
                    default:
                        throw Fail($"a member '{name}' in an En, where one Key and one Value belong", childLine, childColumn);
                }
            }

            _reader.ReadEndElement();
            if (key is null || entryValue is null)
            {
                throw Fail("a dictionary entry without its Key or its Value", line, column);
            }

            entries.Add((entryValue.Value, KeyText(key.Value, line, column), line, column));
        }

        _reader.ReadEndElement();
        return entries;
    }

    private static string KeyText(Value key, int line, int column) => key.Content switch
    {
        null => throw Fail("a dictionary entry whose Key is Nil", line, column),
        CliXmlObject obj => obj.ToStringText ?? string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key.Content.ToString() ?? string.Empty,
    };

    private string[] ReadTypeNames()
    {
        var (line, column) = Position();
        var refId = _reader.GetAttribute("RefId");
        if (refId is not null && _typeNames.ContainsKey(refId))
        {
            throw Fail($"type names RefId {refId} is defined twice", line, column);
        }

        var names = new List<string>();
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (NextChild())
            {
                if (_reader.LocalName != "T")
                {
                    throw Fail($"a {_reader.LocalName} in a TN, where only T belongs");
                }

                names.Add(Unescape(ReadText()));
            }

            _reader.ReadEndElement();
        }

        var array = names.ToArray();
        if (refId is not null)
        {
            _typeNames.Add(refId, array);
        }

        return array;
    }

    private string[] ReadTypeNameReference()
    {
        var (line, column) = Position();
        var refId = _reader.GetAttribute("RefId") ?? throw Fail("a TNRef without a RefId", line, column);
        ReadEmpty();
        return _typeNames.TryGetValue(refId, out var names)
            ? names
            : throw Fail($"a TNRef to type names {refId}, which are not defined before it", line, column);
    }

    private Value ReadPrimitive(int line, int column)
    {
        var element = _reader.LocalName;
        if (element == "Nil")
        {
            ReadEmpty();
            return new Value("Null", null, 1, null);
        }

        string captureType = element switch
        {
            "S" => "String",
            "B" => "Boolean",
            "By" => "Byte",
            "SB" => "SByte",
            "I16" => "Int16",
            "U16" => "UInt16",
            "I32" => "Int32",
            "U32" => "UInt32",
            "I64" => "Int64",
            "U64" => "UInt64",
            "Db" => "Double",
            "Sg" => "Single",
            "D" => "Decimal",
            "C" => "Char",
            "DT" => "DateTime",
            "TS" => "TimeSpan",
            "G" => "Guid",
            "URI" => "Uri",
            "BA" => "Byte[]",
            "Version" => "Version",
            "XD" => "XmlDocument",
            "SBK" => "ScriptBlock",
            "SS" => "SecureString",
            _ => throw Fail($"an element '{element}' the serialization format does not have here", line, column),
        };
        var text = ReadText();
        try
        {
            object content = element switch
            {
                "S" or "XD" or "SBK" => Unescape(text),
                "B" => XmlConvert.ToBoolean(text),
                "By" => XmlConvert.ToByte(text),
                "SB" => XmlConvert.ToSByte(text),
                "I16" => XmlConvert.ToInt16(text),
                "U16" => XmlConvert.ToUInt16(text),
                "I32" => XmlConvert.ToInt32(text),
                "U32" => XmlConvert.ToUInt32(text),
                "I64" => XmlConvert.ToInt64(text),
                "U64" => XmlConvert.ToUInt64(text),
                "Db" => XmlConvert.ToDouble(text),
                "Sg" => XmlConvert.ToSingle(text),
                "D" => XmlConvert.ToDecimal(text),
                "C" => (char)XmlConvert.ToUInt16(text),
                "DT" => ToUtc(text),
                "TS" => XmlConvert.ToTimeSpan(text),
                "G" => XmlConvert.ToGuid(text),
                "URI" => Uri.TryCreate(Unescape(text), UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new FormatException("not a URI"),
                "BA" => System.Convert.FromBase64String(text),
                "Version" => Version.TryParse(text, out var version) ? version : throw new FormatException("not a version"),
                _ => text,
            };
            return new Value(captureType, content, 1, null);
        }
        catch (Exception ex) when (ex is not CliXmlFormatException and (FormatException or OverflowException or ArgumentException))
        {
            throw new CliXmlFormatException($"'{Clip(text)}' is not a {captureType} ({element}): {ex.Message}", line, column, ex);
        }
    }

    private static DateTime ToUtc(string text)
    {
        var parsed = XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
        return parsed.Kind == DateTimeKind.Local ? XmlConvert.ToDateTimeOffset(text).UtcDateTime : parsed;
    }

    /// <summary>The text of an element that may hold only text (its end tag consumed); empty for an empty element.</summary>
    private string ReadText()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return string.Empty;
        }

        var (line, column) = Position();
        var text = new StringBuilder();
        _reader.Read();
        while (_reader.NodeType != XmlNodeType.EndElement)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    text.Append(_reader.Value);
                    break;
                case XmlNodeType.None:
                    throw Fail("the document ends inside an element");
                default:
                    throw Fail($"{_reader.NodeType} inside an element that holds only text (started at line {line}, column {column})");
            }

            _reader.Read();
        }

        _reader.Read();
        return text.ToString();
    }

    /// <summary>Consumes an element that must be empty (whitespace allowed).</summary>
    private void ReadEmpty()
    {
        var (line, column) = Position();
        var text = ReadText();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                throw Fail("text inside an element that must be empty", line, column);
            }
        }
    }

    private static void Once(bool first, string what, int line, int column)
    {
        if (!first)
        {
            throw Fail($"a second {what} in one Obj", line, column);
        }
    }

    private void Count(long weight, int line, int column)
    {
        _expanded = Add(_expanded, weight);
        if (_expanded > _limits.MaxExpandedValues)
        {
            throw Fail(string.Format(CultureInfo.InvariantCulture, "more than {0} values with every Ref expanded", _limits.MaxExpandedValues), line, column);
        }
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string StripDeserialized(string typeName) =>
        typeName.StartsWith("Deserialized.", StringComparison.Ordinal) ? typeName.Substring("Deserialized.".Length) : typeName;

    /// <summary>
    /// Decodes the serializer's <c>_xHHHH_</c> escapes (characters XML cannot carry, and an underscore that would read as
    /// one): four hexadecimal digits between <c>_x</c> and <c>_</c> are that UTF-16 code unit; anything else stays as written.
    /// </summary>
    internal static string Unescape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            if (at + 6 < text.Length && text[at + 6] == '_' && IsHex(text[at + 2]) && IsHex(text[at + 3]) && IsHex(text[at + 4]) && IsHex(text[at + 5]))
            {
                result.Append(text, copied, at - copied);
                result.Append((char)int.Parse(text.Substring(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                copied = at + 7;
                at = text.IndexOf("_x", copied, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf("_x", at + 1, StringComparison.Ordinal);
            }
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    private (int Line, int Column) Position() =>
        _lineInfo is { } info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private CliXmlFormatException Fail(string problem)
    {
        var (line, column) = Position();
        return new CliXmlFormatException(problem, line, column);
    }

    private static CliXmlFormatException Fail(string problem, int line, int column) => new(problem, line, column);

    /// <summary>What a value element stands for: its capture type, its CLR value, its size with references expanded, and the object it was read from.</summary>
    private readonly struct Value
    {
        internal Value(string captureType, object? content, long weight, CliXmlObject? obj)
        {
            CaptureType = captureType;
            Content = content;
            Weight = weight;
            Object = obj;
        }

        internal string CaptureType { get; }

        internal object? Content { get; }

        internal long Weight { get; }

        internal CliXmlObject? Object { get; }
    }
}
