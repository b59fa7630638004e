using System;
using System.IO;
using AzureLocalSecurity.PrivilegedAccess;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.PrivilegedAccess;

/// <summary>WsmanPluginConfig reads a plugin's ConfigXml with DTDs prohibited, no resolver and a character limit.</summary>
public sealed class WsmanPluginConfigTests
{
    private const string Plugin =
        "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"JEA.Maintenance\" RunAsUser=\"CONTOSO\\gmsa$\" Enabled=\"True\">"
        + "<InitializationParameters><Param Name=\"configFilePath\" Value=\"C:\\ProgramData\\JEA\\Maintenance.pssc\" /></InitializationParameters></PlugInConfiguration>";

    [Fact]
    public void A_plugin_configuration_gives_its_name_run_as_user_enabled_and_pssc_path()
    {
        var config = WsmanPluginConfig.TryParse(Plugin, out var error);

        Assert.Null(error);
        Assert.NotNull(config);
        Assert.Equal(("JEA.Maintenance", "CONTOSO\\gmsa$", "True", "C:\\ProgramData\\JEA\\Maintenance.pssc"), (config.Name, config.RunAsUser, config.Enabled, config.ConfigFilePath));
    }

    [Fact]
    public void A_DTD_with_an_internal_entity_is_refused_and_nothing_is_expanded()
    {
        var xml = "<!DOCTYPE PlugInConfiguration [<!ENTITY n \"Expanded\">]>" + Plugin.Replace("JEA.Maintenance", "&n;", StringComparison.Ordinal);

        var config = WsmanPluginConfig.TryParse(xml, out var error);

        Assert.Null(config);
        Assert.StartsWith("The ConfigXml is not well-formed XML:", error, StringComparison.Ordinal);
        Assert.Contains("DTD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_is_refused_without_reading_the_file()
    {
        using var dir = new TempDir();
        var secret = dir.Combine("secret.txt");
        File.WriteAllText(secret, "SECRET-FILE-CONTENT");
        var xml = $"<!DOCTYPE PlugInConfiguration [<!ENTITY n SYSTEM \"{new Uri(secret).AbsoluteUri}\">]>" + Plugin.Replace("JEA.Maintenance", "&n;", StringComparison.Ordinal);

        var config = WsmanPluginConfig.TryParse(xml, out var error);

        Assert.Null(config);
        Assert.Contains("DTD", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ConfigXml_over_the_character_limit_is_refused()
    {
        var xml = Plugin.Replace("</PlugInConfiguration>", "<!--" + new string('x', (int)WsmanPluginConfig.MaxCharacters) + "--></PlugInConfiguration>", StringComparison.Ordinal);

        var config = WsmanPluginConfig.TryParse(xml, out var error);

        Assert.Null(config);
        Assert.StartsWith("The ConfigXml is not well-formed XML:", error, StringComparison.Ordinal);
    }
}
