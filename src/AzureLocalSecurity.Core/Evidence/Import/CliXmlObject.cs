using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// One serialized object of a CLIXML document (an <c>&lt;Obj&gt;</c>, or a named <c>&lt;MS&gt;</c> member set inside
/// one): its type names, its <c>ToString</c> text, its properties and, for a container, its items. A CIM instance written by
/// <c>Get-CimInstance | Export-Clixml</c> says its class and namespace in its type names
/// (<c>Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard</c>).
/// </summary>
public sealed class CliXmlObject
{
    private const string CimTypePrefix = "Microsoft.Management.Infrastructure.CimInstance#";
    private const string DeserializedPrefix = "Deserialized.";

    private readonly string[] _typeNames;
    private readonly CliXmlProperty[] _properties;
    private readonly CliXmlProperty[] _items;
    private Dictionary<string, CliXmlProperty>? _byName;

    internal CliXmlObject(string[] typeNames, string? toStringText, CliXmlProperty[] properties, CliXmlProperty[] items)
    {
        _typeNames = typeNames;
        ToStringText = toStringText;
        _properties = properties;
        _items = items;
        (CimNamespace, CimClassName) = FindCimClass(typeNames, properties);
    }

    /// <summary>The type names (<c>&lt;TN&gt;</c>, or the one a <c>&lt;TNRef&gt;</c> names), most derived first; empty when none were written.</summary>
    public IReadOnlyList<string> TypeNames => _typeNames;

    /// <summary>The <c>&lt;ToString&gt;</c> text, or null when none was written.</summary>
    public string? ToStringText { get; }

    /// <summary>
    /// The <c>&lt;Props&gt;</c> properties, then the <c>&lt;MS&gt;</c> members (<see cref="CliXmlProperty.IsExtendedMember"/>),
    /// each in document order.
    /// </summary>
    public IReadOnlyList<CliXmlProperty> Properties => _properties;

    /// <summary>
    /// The items of a list, enumerable, stack or queue (<c>LST</c>, <c>IE</c>, <c>STK</c>, <c>QUE</c>) in document order;
    /// for a dictionary (<c>DCT</c>), one item per entry, named by its key's invariant text. Empty for other objects.
    /// </summary>
    public IReadOnlyList<CliXmlProperty> Items => _items;

    /// <summary>The CIM class of a CIM instance (<c>Win32_DeviceGuard</c>), or null when the object is not one.</summary>
    public string? CimClassName { get; }

    /// <summary>
    /// The CIM namespace of a CIM instance with <c>/</c> separators as written (<c>root/Microsoft/Windows/DeviceGuard</c>),
    /// from its type names or else from its <c>__ClassMetadata</c>; null when neither carries it.
    /// </summary>
    public string? CimNamespace { get; }

    /// <summary>The first property or member of that name (ordinal, case-insensitive), or null.</summary>
    public CliXmlProperty? Property(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        // Built on first use: an object may have many members, and a caller may look each of them up.
        var byName = _byName;
        if (byName is null)
        {
            byName = new Dictionary<string, CliXmlProperty>(_properties.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var property in _properties)
            {
                if (!byName.ContainsKey(property.Name))
                {
                    byName.Add(property.Name, property);
                }
            }

            _byName = byName;
        }

        return byName.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The first type name, for diagnostics.</summary>
    public override string ToString() => _typeNames.Length > 0 ? _typeNames[0] : ToStringText ?? "(object)";

    /// <summary>
    /// The CIM type name with a namespace wins (the serializer writes <c>CimInstance#ns/Class</c>, then <c>CimInstance#Class</c>);
    /// without one, the class of the instance's own <c>__ClassMetadata</c> entry, which the serializer lists last.
    /// </summary>
    private static (string? Namespace, string? Class) FindCimClass(string[] typeNames, CliXmlProperty[] properties)
    {
        string? classOnly = null;
        foreach (var typeName in typeNames)
        {
            var name = typeName.StartsWith(DeserializedPrefix, StringComparison.Ordinal) ? typeName.Substring(DeserializedPrefix.Length) : typeName;
            if (!name.StartsWith(CimTypePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = name.Substring(CimTypePrefix.Length).Replace('\\', '/');
            var slash = path.LastIndexOf('/');
            if (slash > 0 && slash < path.Length - 1)
            {
                return (path.Substring(0, slash), path.Substring(slash + 1));
            }

            if (slash < 0 && path.Length > 0)
            {
                classOnly ??= path;
            }
        }

        if (classOnly is null)
        {
            return (null, null);
        }

        foreach (var property in properties)
        {
            if (property.IsExtendedMember && property.Name == "__ClassMetadata" && property.Value is CliXmlObject metadata && metadata.Items.Count > 0
                && metadata.Items[metadata.Items.Count - 1].Value is CliXmlObject own
                && own.Property("ClassName")?.Value is string className && string.Equals(className, classOnly, StringComparison.OrdinalIgnoreCase)
                && own.Property("Namespace")?.Value is string ns && ns.Length > 0)
            {
                return (ns.Replace('\\', '/'), classOnly);
            }
        }

        return (null, classOnly);
    }
}
