using System;
using System.IO;
using System.Xml;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>
/// What a WinRM plugin's <c>ConfigXml</c> says about a PowerShell session configuration: the <c>PlugInConfiguration</c>
/// element's <c>Name</c>, <c>RunAsUser</c> and <c>Enabled</c>, and the <c>configFilePath</c> initialization parameter a
/// configuration registered from a .pssc file carries. Read with DTDs prohibited and no resolver; at most
/// <see cref="MaxCharacters"/> characters.
/// </summary>
public sealed class WsmanPluginConfig
{
    /// <summary>The largest ConfigXml read.</summary>
    public const long MaxCharacters = 1024 * 1024;

    private WsmanPluginConfig()
    {
    }

    /// <summary>The plugin's Name attribute.</summary>
    public string? Name { get; private set; }

    /// <summary>The RunAsUser attribute, when set.</summary>
    public string? RunAsUser { get; private set; }

    /// <summary>The Enabled attribute, when set.</summary>
    public string? Enabled { get; private set; }

    /// <summary>The configFilePath initialization parameter, when set.</summary>
    public string? ConfigFilePath { get; private set; }

    /// <summary>Reads <paramref name="xml"/>; null with <paramref name="error"/> set when it is not a readable plugin configuration.</summary>
    public static WsmanPluginConfig? TryParse(string xml, out string? error)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var config = new WsmanPluginConfig();
        var sawRoot = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot)
                {
                    if (!string.Equals(reader.LocalName, "PlugInConfiguration", StringComparison.OrdinalIgnoreCase))
                    {
                        error = $"The root element is '{reader.LocalName}', not PlugInConfiguration.";
                        return null;
                    }

                    sawRoot = true;
                    config.Name = reader.GetAttribute("Name");
                    config.RunAsUser = reader.GetAttribute("RunAsUser");
                    config.Enabled = reader.GetAttribute("Enabled");
                    continue;
                }

                if (string.Equals(reader.LocalName, "Param", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(reader.GetAttribute("Name"), "configFilePath", StringComparison.OrdinalIgnoreCase))
                {
                    config.ConfigFilePath = reader.GetAttribute("Value");
                }
            }
        }
        catch (XmlException ex)
        {
            error = "The ConfigXml is not well-formed XML: " + ex.Message;
            return null;
        }

        if (!sawRoot)
        {
            error = "The ConfigXml has no element.";
            return null;
        }

        error = null;
        return config;
    }
}
