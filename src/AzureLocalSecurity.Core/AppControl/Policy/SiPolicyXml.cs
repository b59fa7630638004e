using System;
using System.IO;
using System.Text;
using System.Xml;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Reads and writes App Control policy XML (namespace <see cref="Namespace"/>, the schema of
/// <c>%windir%\schemas\CodeIntegrity\cipolicy.xsd</c>). Reading is bounded and closed to the outside: no DTD (so no
/// entity, no billion laughs), no external resource, at most <see cref="MaxCharacters"/> characters; every failure is a
/// <see cref="SiPolicyFormatException"/> with the line and position. <c>Load(Save(x))</c> gives a policy equal to x field by
/// field.
/// </summary>
public static class SiPolicyXml
{
    /// <summary>The policy namespace.</summary>
    public const string Namespace = "urn:schemas-microsoft-com:sipolicy";

    /// <summary>The most characters a policy document may have (64 Mi; Microsoft's driver block list is about 0.5 Mi).</summary>
    public const int MaxCharacters = 64 * 1024 * 1024;

    /// <summary>Reads a policy from XML bytes (the encoding is taken from the byte order mark or the declaration).</summary>
    /// <exception cref="SiPolicyFormatException">The document is not a policy this reader accepts.</exception>
    public static SiPolicy Load(Stream stream) => Load(stream, MaxCharacters);

    /// <summary>Reads a policy from an XML file.</summary>
    /// <exception cref="SiPolicyFormatException">The document is not a policy this reader accepts.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SiPolicy Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a policy from XML text.</summary>
    /// <exception cref="SiPolicyFormatException">The document is not a policy this reader accepts.</exception>
    public static SiPolicy Parse(string xml) => Parse(xml, MaxCharacters);

    /// <summary>Writes a policy as UTF-8 XML with a byte order mark, two-space indentation and CRLF line ends, as
    /// Microsoft's tools write it on Windows.</summary>
    /// <exception cref="ArgumentException">A setting's value does not match its kind, or a value holds a character XML 1.0 cannot carry.</exception>
    public static void Save(SiPolicy policy, Stream stream)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        using var writer = XmlWriter.Create(stream, WriterSettings(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));
        SiPolicyXmlWriter.Write(policy, writer);
    }

    /// <summary>Writes a policy to a file (created or overwritten), as <see cref="Save(SiPolicy, Stream)"/> does.</summary>
    /// <exception cref="ArgumentException">A setting's value does not match its kind, or a value holds a character XML 1.0 cannot carry.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(SiPolicy policy, string path)
    {
        using var stream = File.Create(path);
        Save(policy, stream);
    }

    /// <summary>The policy as XML text (the declaration says utf-8, as a saved file's does).</summary>
    /// <exception cref="ArgumentException">A setting's value does not match its kind, or a value holds a character XML 1.0 cannot carry.</exception>
    public static string ToXml(SiPolicy policy)
    {
        using var stream = new MemoryStream();
        Save(policy, stream);
        return new UTF8Encoding(false).GetString(stream.ToArray()).TrimStart('\uFEFF');
    }

    /// <summary>The same with another character limit, so tests reach it without 64 Mi characters.</summary>
    internal static SiPolicy Load(Stream stream, int maxCharacters)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return Read(() => XmlReader.Create(stream, ReaderSettings(maxCharacters)));
    }

    internal static SiPolicy Parse(string xml, int maxCharacters)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        // A byte order mark kept by a decode is not content.
        var text = xml.Length > 0 && xml[0] == '\uFEFF' ? xml.Substring(1) : xml;
        return Read(() => XmlReader.Create(new StringReader(text), ReaderSettings(maxCharacters)));
    }

    private static SiPolicy Read(Func<XmlReader> open)
    {
        XmlReader? reader = null;
        try
        {
            reader = open();
            return SiPolicyXmlReader.Read(reader);
        }
        catch (XmlException ex)
        {
            // Some refusals (a DTD, the character limit) come without a place; the reader still knows where it stopped.
            var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : Where(reader);
            throw SiPolicyFormatException.AtLine(ex.Message, line, position, ex);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, position) = Where(reader);
            throw SiPolicyFormatException.AtLine("the bytes are not text in the document's encoding: " + ex.Message, line, position, ex);
        }
        catch (ArgumentException ex)
        {
            // An encoding name in the declaration that .NET does not know.
            var (line, position) = Where(reader);
            throw SiPolicyFormatException.AtLine(ex.Message, line, position, ex);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private static (int Line, int Position) Where(XmlReader? reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static XmlReaderSettings ReaderSettings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    private static XmlWriterSettings WriterSettings(Encoding encoding) => new()
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        // Carriage returns in values are written as &#xD; so that a reader's line-end normalization does not change them.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };
}
