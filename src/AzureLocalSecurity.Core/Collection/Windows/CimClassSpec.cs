using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>One CIM class a reader files as one record: where it lives, the evidence id, the properties kept and who provides it.</summary>
internal sealed class CimClassSpec
{
    internal CimClassSpec(string cimNamespace, string className, string id, IReadOnlyList<string> properties, string provider)
    {
        Namespace = cimNamespace ?? throw new ArgumentNullException(nameof(cimNamespace));
        ClassName = className ?? throw new ArgumentNullException(nameof(className));
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>The CIM namespace, with backslashes: <c>root\Microsoft\Windows\DeviceGuard</c>.</summary>
    internal string Namespace { get; }

    /// <summary>The class name.</summary>
    internal string ClassName { get; }

    /// <summary>The evidence id the record is filed under.</summary>
    internal string Id { get; }

    /// <summary>The properties recorded, in record order.</summary>
    internal IReadOnlyList<string> Properties { get; }

    /// <summary>Who provides the class, for the message when it is missing: <c>The Device Guard WMI provider</c>.</summary>
    internal string Provider { get; }

    /// <summary>The item's source: <c>CIM root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard</c>.</summary>
    internal string Source => "CIM " + Namespace + " " + ClassName;
}
