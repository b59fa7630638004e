using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A CLIXML file as <c>Export-Clixml</c> writes it (PowerShell serialization, MS-PSRP 2.2.5): the objects under
/// <c>&lt;Objs&gt;</c>, each with its type names, <c>ToString</c> text and typed properties. Made for the CIM instances
/// in-box commands write (<c>Get-CimInstance ... | Export-Clixml</c>), read without PowerShell, by value and never by a
/// localized name: numbers are XML Schema numbers, whatever the culture of the machine that wrote or reads the file.
/// </summary>
/// <remarks>
/// <para>
/// Encodings: UTF-16 LE with a byte order mark (Windows PowerShell 5.1), UTF-8 with or without one (PowerShell 7), UTF-16
/// BE with a byte order mark, UTF-16 LE without one (a copy that lost it: the second byte is NUL). The bytes decide; an XML
/// declaration's encoding is not followed. A byte invalid in the encoding is an error at its line and column.
/// </para>
/// <para>
/// Times (<c>&lt;DT&gt;</c>): a text ending in <c>Z</c> is UTC; one with an offset (<c>+02:00</c>, what a local time is
/// written with) is converted to UTC by that offset, not by the reader's time zone, and is <see cref="System.DateTimeKind.Utc"/>;
/// one with neither keeps its clock value as <see cref="System.DateTimeKind.Unspecified"/>, since the writer's zone is not
/// in the file.
/// </para>
/// <para>
/// Objects: an <c>&lt;Obj&gt;</c> whose first type name is <c>System.UInt16[]</c>, <c>System.UInt32[]</c>,
/// <c>System.UInt64[]</c>, <c>System.Int32[]</c>, <c>System.Int64[]</c>, <c>System.String[]</c> or <c>System.Byte[]</c>
/// (a <c>Deserialized.</c> prefix allowed) and which holds a list is, as a property value, that typed array; every item
/// must then be of the element type (<c>&lt;Nil/&gt;</c> only in a string array). An <c>&lt;Obj&gt;</c> that wraps one
/// primitive value (an enumeration's number, a string with notes) is, as a property value, that value. Other objects are
/// <see cref="CliXmlObject"/>s. A <c>&lt;Ref&gt;</c> is the object it names, the same instance. Values at the top level that
/// are not objects (a bare <c>&lt;S&gt;</c>) are read and checked but are not in <see cref="Objects"/>.
/// </para>
/// <para>
/// Bounds: at most <see cref="MaxBytes"/> bytes, elements nested at most <see cref="MaxDepth"/> deep, at most
/// <see cref="MaxObjects"/> objects, and at most <see cref="MaxExpandedValues"/> values when every reference is expanded (so
/// that a caller walking the objects cannot be made to walk more). No DTD is read and nothing is resolved. A
/// <c>&lt;Ref&gt;</c> may name only an object completed before it: an unknown id or a reference into an object not yet
/// ended (a cycle) is an error, so every value is a finite tree.
/// </para>
/// </remarks>
public sealed class CliXmlDocument
{
    /// <summary>The largest input read.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The deepest element nesting read (<c>&lt;Objs&gt;</c> is depth 0).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most objects (<c>&lt;Obj&gt;</c> and named member sets) read.</summary>
    public const int MaxObjects = 1_000_000;

    /// <summary>The most values the document may hold with every <c>&lt;Ref&gt;</c> expanded.</summary>
    public const long MaxExpandedValues = 10_000_000;

    private readonly CliXmlObject[] _objects;

    internal CliXmlDocument(CliXmlObject[] objects) => _objects = objects;

    /// <summary>The top-level objects in document order (a top-level <c>&lt;Ref&gt;</c> repeats the object it names).</summary>
    public IReadOnlyList<CliXmlObject> Objects => _objects;

    /// <summary>Reads the file's bytes.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    /// <exception cref="CliXmlFormatException">The bytes are not a CLIXML document within the bounds; the exception says where.</exception>
    public static CliXmlDocument Parse(byte[] bytes) => CliXmlParser.Parse(bytes, CliXmlLimits.Default);
}
