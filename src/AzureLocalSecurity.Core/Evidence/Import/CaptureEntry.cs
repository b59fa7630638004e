using System;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// One capture of a document: what was read (<see cref="Name"/>, such as <c>registry</c> or <c>cim</c>, and
/// <see cref="Target"/>, such as the key or the class), the in-box command that read it, when, and either its data or an error.
/// </summary>
public sealed class CaptureEntry
{
    internal CaptureEntry(int index, string name, string target, string command, DateTimeOffset capturedAt, JObject? data, CaptureEntryError? error)
    {
        Index = index;
        Name = name;
        Target = target;
        Command = command;
        CapturedAt = capturedAt;
        Data = data;
        Error = error;
    }

    /// <summary>The position in the document's <c>captures</c> array.</summary>
    public int Index { get; }

    /// <summary>The kind of capture (<c>registry</c>, <c>auditpol</c>, <c>secedit</c>, <c>cim</c>, <c>tpm</c>, ...; docs/capture-format.md).</summary>
    public string Name { get; }

    /// <summary>What it read: a registry key, <c>namespace:class</c>, a variable name; empty when the name says it all.</summary>
    public string Target { get; }

    /// <summary>The in-box command that read it, for the Source of the evidence item.</summary>
    public string Command { get; }

    /// <summary>When it was read (UTC).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>Why there is no data, or null when the capture succeeded.</summary>
    public CaptureEntryError? Error { get; }

    /// <summary>True when the capture has data.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The JSON path of this entry in the document, for error messages.</summary>
    public string Path => "captures[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>The data object (null on error).</summary>
    internal JObject? Data { get; }

    /// <inheritdoc />
    public override string ToString() => Target.Length == 0 ? Name : Name + " " + Target;
}
